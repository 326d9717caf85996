from sourcemark.cli import main

raise SystemExit(main())
