"""A receiver in another process, as a PHP or Java one would be: it checks the key and answers
Call Control with what its first argument says ("valid" or "invalid" blocks). Standard library
only; serves on the port given as the second argument until killed."""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

KEY = "receiver-key"
MODE = sys.argv[1]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body: dict[str, object] = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if body.get("accessKey") != KEY:
            self.send_response(403)
            self.end_headers()
            return
        if body.get("requestType") == "EXTERNAL_CALL_CONTROL":
            say = {"blockType": "SAY", "text": "Hello", "voiceName": "en-us.female.1"}
            if MODE == "invalid":
                say = {"blockType": "SAY", "txt": "Hello", "voiceName": "en-us.female.1"}
            blocks = [say] if body["loopCount"] == 0 else []
            answer = json.dumps({"blocks": blocks}).encode()
        else:
            answer = b""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


server = HTTPServer(("127.0.0.1", int(sys.argv[2])), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
