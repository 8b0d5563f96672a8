"""What every end-to-end script starts with: its command line and an empty
work folder.

    a = e2e_common.start()                       # --greenmine, --source, --work
    a = e2e_common.start(lambda ap: ap.add_argument('--kills', type=int, default=4))

CMake passes the three common options (tests/e2e/CMakeLists.txt); a script
adds its own with `add_options`. The script's folder is on sys.path when it
is run as a file, so `import e2e_common` needs nothing more."""
import argparse, os, shutil


def start(add_options=None):
    """Parses the command line and empties --work (created anew). Returns the
    parsed arguments: greenmine (the binary under test), source (the source
    tree: samples, scripts, goldens), work, and those `add_options(parser)`
    adds."""
    ap = argparse.ArgumentParser()
    ap.add_argument('--greenmine', required=True, help='the greenmine binary under test')
    ap.add_argument('--source', required=True, help='the source tree: samples, scripts, goldens')
    ap.add_argument('--work', required=True, help='a scratch folder, emptied first')
    if add_options is not None:
        add_options(ap)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    return a
