"""Fetch the official SARIF 2.1.0 JSON schema for the test suite; print its path (nothing on failure).

The schema is not on PyPI; the npm package `@microsoft/jest-sarif` (MIT) ships it. The tarball is
fetched from the npm registry, checked against a pinned SHA-256 and unpacked into `.ci/cache/`.
No test touches the network: tests/test_reporters.py reads the file named in NEWSLINT_SARIF_SCHEMA.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

URL = "https://registry.npmjs.org/@microsoft/jest-sarif/-/jest-sarif-1.0.0-beta.0.tgz"
SHA256 = "748e2c3d1a842e7bb258416685c7ea3a0da40005b72267b2052c2856d48ad102"
MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
TARGET = Path(__file__).resolve().parent / "cache" / "sarif-2.1.0-rtm.5.json"


def main() -> int:
    if not TARGET.is_file():
        try:
            data = urllib.request.urlopen(URL, timeout=60).read()
        except OSError as err:
            print(f"sarif schema: not fetched ({err})", file=sys.stderr)
            return 0
        if hashlib.sha256(data).hexdigest() != SHA256:
            print("sarif schema: checksum mismatch, not used", file=sys.stderr)
            return 0
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                return 0
            TARGET.parent.mkdir(parents=True, exist_ok=True)
            TARGET.write_bytes(member.read())
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
