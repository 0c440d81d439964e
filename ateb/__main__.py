import sys

from ateb.cli import main

sys.exit(main())
