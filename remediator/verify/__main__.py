import sys

from remediator.verify.synthesize import main

sys.exit(main())
