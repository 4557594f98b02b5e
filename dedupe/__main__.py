from dedupe.cli.main import main

main()
