"""Time and peak memory against corpus size, one line per tool (PNG and SVG).

Needs matplotlib (the `bench` extra); without it no plot is drawn and the run says so.
"""

from __future__ import annotations

from pathlib import Path

from dedupe.bench.report import LABELS


def plot(results: dict, out_dir: Path) -> list[str]:
    """Paths written, or [] when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    fig, (time_ax, rss_ax) = plt.subplots(1, 2, figsize=(12, 5))
    tools = dict.fromkeys(r["tool"] for r in results["runs"] if r["tool"] != "lsh-banding")
    for number, tool in enumerate(tools):
        color = f"C{number}"
        runs = sorted((r for r in results["runs"] if r["tool"] == tool and r.get("wall_s")), key=lambda r: r["size"])
        real = [r for r in runs if r["status"] == "measured"]
        guess = [r for r in runs if r["status"] == "extrapolated"]
        label = LABELS.get(tool, tool)
        time_ax.plot([r["size"] for r in real], [r["wall_s"] for r in real], "o-", color=color, label=label)
        if guess and real:
            edge = [real[-1]] + guess
            time_ax.plot([r["size"] for r in edge], [r["wall_s"] for r in edge], "o--", color=color,
                         markerfacecolor="none")
        rss_ax.plot([r["size"] for r in real], [r["peak_rss_mb"] for r in real], "o-", color=color, label=label)
    for ax, title in ((time_ax, "wall time (s); dashed: extrapolated"), (rss_ax, "peak RSS (MB)")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("articles")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    time_ax.legend(fontsize=7)
    fig.suptitle(f"dedupe bench, {results['date']}")
    fig.tight_layout()
    written = []
    for suffix in ("png", "svg"):
        path = out_dir / f"scaling.{suffix}"
        fig.savefig(path, dpi=110)
        written.append(str(path))
    plt.close(fig)
    return written
