"""`python -m ecom` is the `ecom` command."""

import sys

from ecom.cli import main

sys.exit(main())
