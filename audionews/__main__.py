from audionews.cli import main

main()
