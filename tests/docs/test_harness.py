"""The example runner itself: a broken example fails the build, markers skip, pages are isolated."""

from __future__ import annotations

import logging
import os
import traceback

import pytest

import tenios

from .snippets import DocsExampleError, extract_snippets, run_markdown

GOOD_PAGE = """\
# A page

```python
import tenios

client = tenios.TeniosClient()
callback = client.callback.init(
    callback_config_id=CALLBACK_CONFIG_ID, callback_number="+491234567890", delay=0
)
```

Some prose, and a block in another language that must not run:

```bash
exit 1
```

```python
print(client.callback.status(callback.id).status)
```
"""


def test_a_renamed_argument_in_an_example_fails_with_the_page_and_line() -> None:
    broken = GOOD_PAGE.replace("callback_number=", "callback_numbr=")

    with pytest.raises(DocsExampleError, match=r"^broken\.md:7: .*TypeError.*callback_numbr"):
        run_markdown(broken, "broken.md")


def test_the_unbroken_page_runs_every_python_block_in_order_in_one_namespace() -> None:
    ran = run_markdown(GOOD_PAGE, "good.md")

    assert [snippet.line for snippet in ran] == [4, 19]


def test_an_example_that_raises_an_sdk_error_fails_the_page() -> None:
    page = "```python\nimport tenios\ntenios.TeniosClient().callback.status(987654321)\n```\n"

    with pytest.raises(DocsExampleError, match=r"^page\.md:3: .*CallbackNotFoundError"):
        run_markdown(page, "page.md")


def test_the_traceback_points_at_the_line_of_the_page() -> None:
    page = "# Title\n\n```python\nx = 1\nraise RuntimeError('boom')\n```\n"

    with pytest.raises(DocsExampleError) as caught:
        run_markdown(page, "page.md")

    cause = caught.value.__cause__
    assert cause is not None
    frames = [(f.filename, f.lineno) for f in traceback.extract_tb(cause.__traceback__)]
    assert ("page.md", 5) in frames


def test_blocks_marked_not_executed_or_needing_a_missing_package_are_skipped() -> None:
    page = (
        "```python\n# not executed: needs certificate files\nraise RuntimeError\n```\n"
        "```python\n# requires: a_package_that_is_not_installed\nraise RuntimeError\n```\n"
        "```python\n# requires: json\nimport json\n```\n"
    )

    ran = run_markdown(page, "page.md")

    assert [snippet.line for snippet in ran] == [10]
    reasons = [snippet.skip_reason for snippet in extract_snippets(page, "page.md")]
    assert reasons == [
        "not executed: needs certificate files",
        "not installed: a_package_that_is_not_installed",
        None,
    ]


def test_indented_fences_are_found_and_an_unclosed_fence_is_an_error() -> None:
    page = "!!! example\n\n    ```python\n    value = 41 + 1\n    ```\n"

    assert [s.code for s in extract_snippets(page, "page.md")] == ["value = 41 + 1\n"]
    with pytest.raises(DocsExampleError, match=r"page\.md:1: a code fence is never closed"):
        extract_snippets("```python\nprint(1)\n", "page.md")


def test_each_page_gets_a_fresh_emulator() -> None:
    seen: list[object] = []
    flip = """\
```python
import tenios
with tenios.TeniosClient() as client:
    seen.append(client.acd.retrieve_agent_state(AGENT_EMAIL).state)
    other = "NOT_READY" if seen[0] == "READY" else "READY"
    client.acd.change_agent_state(AGENT_EMAIL, state=other)
    seen.append(client.acd.retrieve_agent_state(AGENT_EMAIL).state)
```
"""
    read = """\
```python
import tenios
with tenios.TeniosClient() as client:
    seen.append(client.acd.retrieve_agent_state(AGENT_EMAIL).state)
```
"""
    run_markdown(flip, "flip.md", names={"seen": seen})
    run_markdown(read, "read.md", names={"seen": seen})

    assert seen[0] != seen[1]
    assert seen[2] == seen[0]


def test_the_page_leaves_the_environment_loggers_and_clients_as_it_found_them() -> None:
    clients: list[tenios.TeniosClient] = []
    before_environ = dict(os.environ)
    before_handlers = list(logging.getLogger("tenios").handlers)
    page = """\
```python
import logging, os
import tenios
os.environ["TENIOS_LOG"] = "debug"
clients.append(tenios.TeniosClient())
logging.getLogger("tenios").addHandler(logging.NullHandler())
```
"""
    run_markdown(page, "page.md", names={"clients": clients})

    assert dict(os.environ) == before_environ
    assert logging.getLogger("tenios").handlers == before_handlers
    assert clients[0].is_closed


def test_waiting_for_a_callback_takes_no_real_time() -> None:
    page = """\
```python
import time
import tenios
started = time.monotonic()
with tenios.TeniosClient() as client:
    callback = client.callback.init(
        callback_config_id=CALLBACK_CONFIG_ID, callback_number="+491234567890", delay=3600
    )
    final = client.callback.wait(callback.id, timeout=7200, poll_interval=600)
assert final.is_terminal, final
assert time.monotonic() - started < 5
```
"""
    assert len(run_markdown(page, "page.md")) == 1
