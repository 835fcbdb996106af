import gc

gc.disable()  # before the first import: see newslint.cli.run, which resumes it

from newslint.cli import run  # noqa: E402

run(gc_paused=True)
