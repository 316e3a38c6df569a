"""``audionews worker`` whose renders reach a local fake of Google's TTS endpoint (tests).

Run as a script with the worker's arguments. The worker's forkserver imports this module as
``fake_worker``, which answers gTTS's requests at the HTTP layer (``responses``: gTTS's real
request code runs) after ``$AUDIONEWS_FAKE_LATENCY`` seconds, and appends the text of every
request, one line each, to ``$AUDIONEWS_FAKE_LOG``: the requests of every render of every
worker, to count.
"""

from __future__ import annotations

import os
import sys
import time

LOG = "AUDIONEWS_FAKE_LOG"


def install() -> None:
    import responses
    from support import GOOGLE_URL, fake_mp3, google_body, sent_rpc

    body = google_body(fake_mp3(0.4))  # made once, in the forkserver: every render has it
    latency = float(os.environ.get("AUDIONEWS_FAKE_LATENCY", "0.2"))
    log = os.environ[LOG]

    def answer(request: object) -> tuple[int, dict[str, str], str]:
        text = str(sent_rpc(getattr(request, "body", None))[0])
        line = (" ".join(text.split()) + "\n").encode("utf-8")
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)  # one write with O_APPEND: lines of processes never mix
        finally:
            os.close(fd)
        time.sleep(latency)
        return 200, {}, body

    responses.start()
    responses.add_callback(responses.POST, GOOGLE_URL, callback=answer)
    responses.add(responses.HEAD, "https://translate.google.com/", status=200)


if __name__ == "fake_worker" and os.environ.get(LOG):
    install()


def main() -> None:
    from audionews.cli import app
    from audionews.desk import jobs

    jobs._PRELOAD.append("fake_worker")  # found on $PYTHONPATH by the forkserver
    app(["worker", *sys.argv[1:]], prog_name="audionews")


if __name__ == "__main__":
    main()
