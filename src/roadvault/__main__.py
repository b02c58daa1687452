from roadvault.cli import main

main()
