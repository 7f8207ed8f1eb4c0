"""A private CUPS server for tests: cupsd on 127.0.0.1 and a free port, with its own folders
and a cups-pdf queue, so a print job goes through the real spooler, filters and backend.

cups-pdf writes what it printed to the job owner's ``~/PDF``; `printed_pdfs` finds the
files of this server's jobs there.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.server_process import free_port, stop_process

QUEUE = "cardstudio-test"
_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")


@dataclass
class CupsServer:
    address: str  # "127.0.0.1:PORT", what CUPS_SERVER and `lp -h` take
    process: subprocess.Popen
    root: Path
    started: float = field(default_factory=time.time)

    def out_dir(self) -> Path:
        return Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"

    def new_pdfs(self) -> list[Path]:
        """The PDFs cups-pdf wrote since this server started."""
        return sorted(p for p in self.out_dir().glob("*.pdf") if p.stat().st_mtime >= self.started - 1)

    def printed_pdfs(self, timeout: float = 30.0, count: int = 1) -> list[Path]:
        """The PDFs cups-pdf wrote since this server started (waits for ``count``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.new_pdfs()
            if len(found) >= count and all(p.stat().st_size > 0 for p in found):
                time.sleep(0.2)  # cups-pdf renames a finished file into place; let it settle
                return found
            time.sleep(0.1)
        log = (self.root / "error_log").read_text(errors="replace")[-3000:]
        raise AssertionError(f"cups-pdf wrote no PDF within {timeout} s; cupsd log:\n{log}")

    def page_log(self, timeout: float = 10.0) -> list[str]:
        """CUPS's page log: a line per printed page with the job's name, media and sides."""
        log = self.root / "page_log"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not (log.exists() and log.stat().st_size):
            time.sleep(0.1)
        return log.read_text(errors="replace").splitlines() if log.exists() else []

    def stop(self) -> None:
        stop_process(self.process)


def start_cupsd(root: Path) -> CupsServer:
    for tool in ("cupsd", "lpadmin", "lp"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            raise RuntimeError(f"{tool} is missing: run scripts/setup --test (it installs cups)")
    for sub in ("spool", "cache", "state", "ppd"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    port = free_port()
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\nLogLevel info\nWebInterface No\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n  </Limit>\n</Policy>\n",
        encoding="utf-8",
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root / 'spool'}\nCacheDir {root / 'cache'}\n"
        f"StateDir {root / 'state'}\nTempDir {root / 'spool'}\nErrorLog {root / 'error_log'}\n"
        f"AccessLog {root / 'access_log'}\nPageLog {root / 'page_log'}\n"
        "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\n",
        encoding="utf-8",
    )
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    process = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    address = f"127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"cupsd exited: {(root / 'error_log').read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.05)
    lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    subprocess.run(
        [lpadmin, "-h", address, "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(_PPD)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return CupsServer(address, process, root)
