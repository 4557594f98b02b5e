// Sort and filter the cluster table in place; without JavaScript the full table still shows.
(function () {
  "use strict";
  var table = document.getElementById("clusters");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById("filter");
  var hideSingletons = document.getElementById("hide-singletons");
  var status = document.getElementById("filter-status");
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function applyFilter() {
    var terms = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search") || "";
      var visible = !(hideSingletons.checked && row.getAttribute("data-size") === "1") &&
        terms.every(function (term) { return text.indexOf(term) !== -1; });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    status.textContent = shown + " of " + rows.length + " clusters shown";
  }

  function keyOf(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (value === "") return null;
    if (numeric) {
      var number = parseFloat(value);
      return isNaN(number) ? null : number;
    }
    return value.toLowerCase();
  }

  function sortBy(th) {
    var column = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    var direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
    var keyed = rows.map(function (row, position) {
      return { row: row, key: keyOf(row, column, numeric), position: position };
    });
    keyed.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.position - b.position;
        return a.key === null ? 1 : -1;  // empty values last in either direction
      }
      if (a.key < b.key) return -direction;
      if (a.key > b.key) return direction;
      return a.position - b.position;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
  }

  headers.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    button.addEventListener("click", function () { sortBy(th); });
    th.appendChild(button);
  });
  filter.addEventListener("input", applyFilter);
  hideSingletons.addEventListener("change", applyFilter);
  document.getElementById("controls").hidden = false;
  applyFilter();
}());
