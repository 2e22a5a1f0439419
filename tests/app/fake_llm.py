"""A scripted OpenAI-compatible chat endpoint on a real socket, for deterministic LLM-mode tests."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ScriptedLlm:
    """Streams `reply` for every chat request; or, with `status`, fails with an error body that echoes the API key.

    `reply` and `status` may be changed between requests, so one endpoint can serve a whole test module.
    """

    def __init__(self, reply: str = "", status: int = 200):
        self.reply, self.status = reply, status
        self.requests: list[dict] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> "ScriptedLlm":
        self._thread.start()
        return self

    def script(self, reply: str = "", status: int = 200) -> "ScriptedLlm":
        """Answer the next requests with `reply` (or fail with `status`); forget earlier requests."""
        self.reply, self.status = reply, status
        self.requests.clear()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        script = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                script.requests.append({"path": self.path, "body": body, "authorization": self.headers.get("Authorization")})
                if script.status != 200:
                    error = {"error": {"message": f"Incorrect API key provided: {self.headers.get('Authorization')}",
                                       "type": "invalid_request_error"}}
                    self._send(script.status, "application/json", json.dumps(error).encode())
                    return
                events = [{"role": "assistant", "content": ""}] + [{"content": w} for w in _words(script.reply)]
                chunks = [_chunk(delta, None) for delta in events] + [_chunk({}, "stop")]
                payload = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
                self._send(200, "text/event-stream", payload.encode())

            def _send(self, status: int, content_type: str, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _words(text: str) -> list[str]:
    parts = text.split(" ")
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts)]


def _chunk(delta: dict, finish: str | None) -> dict:
    return {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": "scripted",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
