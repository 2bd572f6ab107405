"""What every bench peer shares with mrisr's worker JVMs (org.mrisr.cli.bench.ChildProcess).

report(result): prints the result as one JSON line, then waits until the bench closes stdin. In between
the bench reads this process's VmHWM (peak RSS) from /proc/<pid>/status, exactly as it does for
mrisr's workers, so neither side measures itself.
"""
import json
import sys


def report(result):
    print(json.dumps(result), flush=True)
    sys.stdin.read()
