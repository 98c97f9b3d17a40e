"""PII from requests never reaches the logs."""

from __future__ import annotations

import logging
import logging.config

import httpx

from medtune.serving.logs import SERVER_ONLY, RedactPIIFilter, log_config, redact

PII_MESSAGE = "I'm Dr. Alvarez, my phone is 555-123-4567, email ann.lee@example.com, MRN: 88123456. I have a fever."
SECRETS = ("Alvarez", "555-123-4567", "ann.lee@example.com", "88123456")


def test_redact():
    out = redact(PII_MESSAGE)
    assert not any(s in out for s in SECRETS)
    assert "[PHONE]" in out and "[EMAIL]" in out and "I have a fever." in out


def test_filter_redacts_args_and_tracebacks():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "user said %s", (PII_MESSAGE,), None)
    try:
        raise ValueError(f"bad input {PII_MESSAGE}")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert RedactPIIFilter().filter(record)
    text = logging.Formatter().format(record)
    assert "ValueError" in text and not any(s in text for s in SECRETS)


def test_request_pii_never_logged(start_server, helpers, caplog):
    """With message logging on, through /chat, /v1/chat/completions, a 422 and a generator error."""

    class Leaky(helpers.FakeGenerator):
        def generate(self, messages, params, cancel):
            if "boom" in messages[-1]["content"]:
                raise RuntimeError(f"failed on {messages[-1]['content']}")
            yield from super().generate(messages, params, cancel)

    cfg = helpers.config(safety={"log_messages": True}, log_level="debug")
    server = start_server(Leaky(), cfg)
    with caplog.at_level(logging.DEBUG):
        httpx.post(f"{server.url}/chat", json={"message": PII_MESSAGE})
        httpx.post(f"{server.url}/v1/chat/completions", json={"messages": [{"role": "user", "content": PII_MESSAGE}]})
        httpx.post(f"{server.url}/chat", json={"message": PII_MESSAGE, "max_tokens": "x"})
        httpx.post(f"{server.url}/chat", json={"message": "boom " + PII_MESSAGE})
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "message: I'm Dr. [NAME]" in logged  # the preview is there, redacted
    assert "generation failed" in logged
    assert not any(s in logged for s in SECRETS)


def test_uvicorn_log_config_redacts_every_handler(capsys):
    cfg = log_config("info", redact_logs=True)
    assert cfg["handlers"]["default"]["filters"] == ["redact"]
    assert set(cfg["loggers"]) >= {"uvicorn.access", "uvicorn.error", "medtune"}
    logging.config.dictConfig(cfg)
    try:
        logging.getLogger("uvicorn.access").info(
            '%s - "%s %s HTTP/%s" %d', "10.1.2.3:5", "GET", "/?e=a@b.org", "1.1", 200
        )
        err = capsys.readouterr().err
        assert "[IP_ADDRESS]" in err and "a@b.org" not in err and "10.1.2.3" not in err
    finally:
        for name in cfg["loggers"]:
            logger = logging.getLogger(name)
            logger.handlers.clear()
            logger.propagate = True
            logger.setLevel(logging.NOTSET)


def test_the_access_log_drops_query_strings():
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/v1/models?user=Zdenka+Horakova&mail=zh%40example.cz", "1.1", 200), None,
    )  # fmt: skip
    RedactPIIFilter().filter(record)
    line = record.getMessage()
    assert line.endswith('"GET /v1/models?[QUERY] HTTP/1.1" 200') and "Zdenka" not in line and "zh%40" not in line


def test_the_servers_own_address_is_not_redacted():
    """Issue #17: uvicorn's address line and lines marked SERVER_ONLY are kept; a client's IP still is redacted."""
    running = logging.LogRecord(
        "uvicorn.error", logging.INFO, __file__, 1, "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)",
        ("http", "127.0.0.1", 8000), None,
    )  # fmt: skip
    RedactPIIFilter().filter(running)
    assert running.getMessage() == "Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)"
    own = logging.makeLogRecord({"name": "medtune.serving", "msg": "listening on %s", "args": ("0.0.0.0",)})
    own.__dict__.update(SERVER_ONLY)
    RedactPIIFilter().filter(own)
    assert own.getMessage() == "listening on 0.0.0.0"
    client = logging.makeLogRecord({"name": "medtune.serving", "msg": "from %s", "args": ("10.1.2.3",)})
    RedactPIIFilter().filter(client)
    assert "10.1.2.3" not in client.getMessage()


def test_the_request_line_counts_messages_by_role(start_server, helpers, caplog):
    """Issue #17: the system prompt the server adds is named as such, never counted as a user message."""
    server = start_server(helpers.FakeGenerator(), helpers.config())
    with caplog.at_level(logging.INFO, logger="medtune.serving"):
        httpx.post(f"{server.url}/chat", json={"message": "I have a fever."})
        chat = [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "Hello."},
            {"role": "user", "content": "fever?"},
        ]
        httpx.post(f"{server.url}/v1/chat/completions", json={"messages": chat})
        own = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "fever?"}]
        httpx.post(f"{server.url}/v1/chat/completions", json={"messages": own})
    lines = [r.getMessage() for r in caplog.records if ": messages " in r.getMessage()]
    assert [line.split()[1] for line in lines] == ["/chat:", "/v1/chat/completions:", "/v1/chat/completions:"]
    assert "messages 1 user + system prompt, " in lines[0]
    assert "messages 2 user, 1 assistant + system prompt, " in lines[1]
    assert "messages 1 system, 1 user, " in lines[2]
