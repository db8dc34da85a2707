"""Hostile requests to the dashboard's server, as anyone on the network could send them.

The callback map is read from the running app (``/_dash-dependencies``), so a callback added
later is fuzzed too. Every forged request must be answered with 200 (clamped) or 204 (refused,
``PreventUpdate``), never a traceback; oversized bodies get 413 before any callback runs; every
response carries the security headers. A last test greps the code for the switches that would
turn incident text into markup.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dashboard_data import sample_dataset, write_dataset

from tracker.dashboard import create_app, ids

REPO = Path(__file__).resolve().parent.parent

#: Values a forged request may carry in place of any input.
JUNK = {
    "none": None,
    "true": True,
    "negative": -1,
    "huge-int": 10**30,
    "huge-float": 1e308,
    "long-string": "x" * 20_000,
    "javascript": "javascript:alert(document.domain)",
    "markup": "<img src=x onerror=alert(1)>",
    "list-100k": ["Baltic Sea region"] * 100_000,
    "nested": {"points": [{"customdata": {"$gt": ""}, "x": [[[[]]]]}]},
    "wrong-shape": {"range": {"x": ["0001-01-01", "9999-12-31"], "geo": "nope"}},
    "date-garbage": "2024-13-45",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web") / "data"
    incidents, sources = sample_dataset()
    return create_app(write_dataset(folder, incidents, sources))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def layout_ids(client) -> list[dict]:
    response = client.get("/_dash-layout")
    assert response.status_code == 200
    return _layout_ids(response.get_json(), [])


@pytest.fixture(scope="module")
def dependencies(client) -> list[dict]:
    response = client.get("/_dash-dependencies")
    assert response.status_code == 200
    return response.get_json()


def _outputs(spec: str):
    """Dash's output spec (``..a.b...c.d..`` for several) as request ``outputs``."""

    def one(text: str) -> dict:
        component, _, prop = text.rpartition(".")
        return {"id": component, "property": prop}

    if spec.startswith("..") and spec.endswith(".."):
        return [one(part) for part in spec[2:-2].split("...")]
    return one(spec)


def _layout_ids(node, found: list) -> list[dict]:
    """Every dictionary (pattern-matching) component id in a serialised layout."""
    if isinstance(node, list):
        for child in node:
            _layout_ids(child, found)
    elif isinstance(node, dict):
        props = node.get("props") if "props" in node else None
        if isinstance(props, dict):
            if isinstance(props.get("id"), dict):
                found.append(props["id"])
            for value in props.values():
                _layout_ids(value, found)
    return found


def _concrete(pattern_id: str, layout_ids: list[dict]) -> list[dict]:
    """The layout's ids matching a pattern id such as ``{"type": "x", "kind": ["ALL"]}``."""
    pattern = json.loads(pattern_id)
    fixed = {k: v for k, v in pattern.items() if not isinstance(v, list)}
    return [
        i for i in layout_ids if set(i) == set(pattern) and all(i[k] == v for k, v in fixed.items())
    ]


def _id_text(component: dict) -> str:
    return json.dumps(component, sort_keys=True, separators=(",", ":"))


def _changed(item: dict, layout_ids: list[dict]) -> str | None:
    """``changedPropIds`` entry for an input (a concrete id for pattern inputs, else None)."""
    if not item["id"].startswith("{"):
        return f"{item['id']}.{item['property']}"
    # Prefer a CSV download button: a forged click then costs a CSV, not a Chromium render.
    concrete = sorted(_concrete(item["id"], layout_ids), key=lambda c: "csv" not in c.values())
    return f"{_id_text(concrete[0])}.{item['property']}" if concrete else None


def _payload(
    dep: dict, values: dict[str, object], changed: str, layout_ids: list[dict] = ()
) -> dict:
    def bind(items):
        bound = []
        for i in items:
            value = values.get(f"{i['id']}.{i['property']}")
            if i["id"].startswith("{"):  # pattern-matching: one entry per matching component
                bound.append(
                    [
                        {"id": c, "property": i["property"], "value": value}
                        for c in _concrete(i["id"], list(layout_ids))
                    ]
                )
            else:
                bound.append({"id": i["id"], "property": i["property"], "value": value})
        return bound

    return {
        "output": dep["output"],
        "outputs": _outputs(dep["output"]),
        "inputs": bind(dep["inputs"]),
        "state": bind(dep["state"]),
        "changedPropIds": [changed],
    }


def _post(client, payload) -> tuple[int, bytes]:
    response = client.post("/_dash-update-component", json=payload)
    return response.status_code, response.data


def _assert_safe(status: int, body: bytes, what: str) -> None:
    assert status in (200, 204, 413), f"{what}: HTTP {status}: {body[:300]!r}"
    assert b"Traceback" not in body and b"werkzeug" not in body.lower(), what
    if status == 200:
        text = json.dumps(json.loads(body))
        assert not re.search(r'"href":\s*"\s*(?:java|vb)script:', text, re.I), what


def test_every_callback_survives_every_junk_value(client, dependencies, layout_ids):
    """Each input of each callback, replaced by each junk value (the others left empty)."""
    assert len(dependencies) >= 4, "the dashboard's callbacks should all be listed"
    tried = 0
    for dep in dependencies:
        for item in dep["inputs"]:
            prop = f"{item['id']}.{item['property']}"
            changed = _changed(item, layout_ids)
            if changed is None:
                continue  # a pattern no component of the page matches
            for name, junk in JUNK.items():
                status, body = _post(client, _payload(dep, {prop: junk}, changed, layout_ids))
                _assert_safe(status, body, f"{dep['output'][:40]} <- {prop}={name}")
                tried += 1
    assert tried >= 200


def test_all_inputs_junk_at_once(client, dependencies, layout_ids):
    for dep in dependencies:
        changed = _changed(dep["inputs"][0], layout_ids)
        if changed is None:
            continue
        for name, junk in JUNK.items():
            values = {f"{i['id']}.{i['property']}": junk for i in dep["inputs"] + dep["state"]}
            status, body = _post(client, _payload(dep, values, changed, layout_ids))
            _assert_safe(status, body, f"{dep['output'][:40]} all={name}")


def _sync_dep(dependencies) -> dict:
    return next(d for d in dependencies if any(i["id"] == ids.DATES for i in d["inputs"]))


def test_forged_dates_are_clamped_over_http(client, dependencies):
    dep = _sync_dep(dependencies)
    values = {f"{ids.DATES}.start_date": "0001-01-01", f"{ids.DATES}.end_date": "9999-12-31"}
    status, body = _post(client, _payload(dep, values, f"{ids.DATES}.start_date"))
    _assert_safe(status, body, "dates")
    response = json.loads(body)["response"]
    dates = response[ids.DATES]
    assert dates["start_date"] >= "1900-01-01" and dates["end_date"] <= "2100-12-31"


def test_hundred_thousand_regions_are_dropped(client, dependencies):
    dep = _sync_dep(dependencies)
    values = {f"{ids.REGION}.value": [f"r{i}" for i in range(100_000)]}
    status, body = _post(client, _payload(dep, values, f"{ids.REGION}.value"))
    _assert_safe(status, body, "regions")
    if status == 200:
        from tracker.filters import MAX_VALUES

        assert len(json.loads(body)["response"][ids.REGION]["value"]) <= MAX_VALUES


def test_forged_url_cannot_select_markup_or_traversal(client, dependencies):
    dep = next(d for d in dependencies if d["output"] == f"{ids.DETAIL}.children")
    for search in (
        "?incident=<script>alert(1)</script>",
        "?incident=../../etc/passwd",
        "?incident=%00",
    ):
        status, body = _post(
            client, _payload(dep, {f"{ids.URL}.search": search}, f"{ids.URL}.search")
        )
        _assert_safe(status, body, search)
        assert b"<script>" not in body and b"passwd" not in body


def test_fifty_megabyte_body_is_refused_with_413(client):
    response = client.post(
        "/_dash-update-component", data=b"[" * (50 * 1024 * 1024), content_type="application/json"
    )
    assert response.status_code == 413
    assert b"Traceback" not in response.data


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"[]", b'{"output": "nope.children", "inputs": []}', b"[" * 100_000],
    ids=["not-json", "empty", "array", "unknown-output", "deep-nesting"],
)
def test_malformed_callback_requests_get_no_traceback(client, body):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code in (400, 204, 500)
    assert b"Traceback" not in response.data and b'File "' not in response.data


@pytest.mark.parametrize(
    "path",
    [
        "/assets/../../tracker/dataset.py",
        "/assets/%2e%2e/%2e%2e/tracker/dataset.py",
        "/assets/..%2f..%2ftracker%2fdataset.py",
        "/_dash-component-suites/../../../etc/passwd",
        "/assets/topojson/../../../../../etc/passwd",
    ],
)
def test_no_path_traversal_out_of_assets(client, path):
    """Never the file; Dash answers an unregistered component library with a bare 500."""
    response = client.get(path)
    assert response.status_code in (400, 404, 500)
    assert b"root:" not in response.data and b"def load" not in response.data
    assert b"Traceback" not in response.data


def test_security_headers_on_every_kind_of_response(client, dependencies):
    dep = next(d for d in dependencies if d["output"] == f"{ids.DETAIL}.children")
    responses = {
        "page": client.get("/"),
        "callback": client.post(
            "/_dash-update-component", json=_payload(dep, {}, f"{ids.URL}.search")
        ),
        "asset": client.get("/assets/css/dashboard.css"),
        "not-found": client.get("/no-such-page/at/all.php"),
        "too-large": client.post("/_dash-update-component", data=b"x" * (8 * 1024 * 1024)),
    }
    for name, response in responses.items():
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
        assert "frame-ancestors 'none'" in response.headers.get("Content-Security-Policy", ""), name
    csp = responses["page"].headers["Content-Security-Policy"]
    assert (
        "'unsafe-eval'" not in csp
        and "script-src 'self'" in csp
        and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    )


def test_debug_is_off_and_errors_are_generic(app, client):
    assert app.server.debug is False
    assert not app._dev_tools.get("ui", False)
    response = client.post(
        "/_dash-update-component", data=b"{not json", content_type="application/json"
    )
    assert b"Werkzeug Debugger" not in response.data and b"__debugger__" not in response.data


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10"])
def test_debug_on_a_public_address_is_refused(monkeypatch, host):
    monkeypatch.syspath_prepend(str(REPO))
    import dash

    import dashboard

    def must_not_serve(*args, **kwargs):
        raise AssertionError("the server was started")

    monkeypatch.setattr(dash.Dash, "run", must_not_serve)
    with pytest.raises(SystemExit, match="refusing --debug"):
        dashboard.main(["--host", host, "--debug"])


# --- static guarantees: what a code change must not switch on -------------------------------------

_SOURCES = [p for p in (REPO / "tracker").rglob("*") if p.suffix in (".py", ".js")] + [
    REPO / "dashboard.py"
]
_FORBIDDEN = {
    "asset overriding Dash's URL sanitiser": re.compile(r"clean_url"),
    "Markdown with raw HTML": re.compile(r"dangerously_allow_html\s*=\s*True"),
    "DataTable Markdown with HTML": re.compile(r"""["']html["']\s*:\s*True"""),
    "AG Grid code execution": re.compile(r"dangerously_allow_code|enableCellExpressions"),
    "debug switched on in code": re.compile(r"debug\s*=\s*True"),
    "DataFrame.query/eval on a non-literal": re.compile(r"\.(?:query|eval)\(\s*[^\s\"')]"),
    "Python eval/exec": re.compile(r"(?<![.\w])(?:eval|exec)\("),
    "send_file (exports must come from memory)": re.compile(r"send_file\("),
}


@pytest.mark.parametrize("rule", _FORBIDDEN, ids=list(_FORBIDDEN))
def test_no_dangerous_switch_in_the_code(rule):
    pattern = _FORBIDDEN[rule]
    hits = []
    for path in _SOURCES:
        if path.is_file():
            for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
                code = line.split("#", 1)[0] if path.suffix == ".py" else line
                if pattern.search(code) and "``" not in line:
                    hits.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert hits == [], f"{rule}:\n" + "\n".join(hits)


# --- downloads: forged button ids -----------------------------------------------------------------


def _download_dep(dependencies) -> dict:
    downloads = pytest.importorskip("tracker.dashboard.downloads")
    dep = next((d for d in dependencies if downloads.DOWNLOAD in d["output"]), None)
    if dep is None:
        pytest.skip("this build of the dashboard registers no download callback")
    return dep


@pytest.mark.parametrize(
    ("kind", "fmt"),
    [
        ("../../etc/passwd", "csv"),
        ("incidents", "exe"),
        ("map", "html\r\nSet-Cookie: x=1"),
        ({"$gt": ""}, "csv"),
        (["map"], ["png"]),
    ],
    ids=["traversal-kind", "unknown-format", "header-injection", "object-kind", "list-values"],
)
def test_forged_download_button_is_refused(client, dependencies, kind, fmt):
    from tracker.dashboard import downloads

    dep = _download_dep(dependencies)
    forged = {"type": downloads.BUTTON_TYPE, "kind": kind, "fmt": fmt}
    payload = {
        "output": dep["output"],
        "outputs": _outputs(dep["output"]),
        "inputs": [[{"id": forged, "property": "n_clicks", "value": 1}]],
        "state": [{"id": s["id"], "property": s["property"], "value": ""} for s in dep["state"]],
        "changedPropIds": [f"{_id_text(forged)}.n_clicks"],
    }
    status, body = _post(client, payload)
    assert status in (204, 400), (status, body[:300])
    assert b"Traceback" not in body and b"root:" not in body


def test_download_with_a_forged_query_is_refused_or_clamped(client, dependencies):
    from tracker.dashboard import downloads

    dep = _download_dep(dependencies)
    button = {"type": downloads.BUTTON_TYPE, "kind": downloads.DATA_KIND, "fmt": "csv"}
    for query in ("?" + "a" * 20_000, {"not": "a string"}, "?from=0001-01-01&region=<script>"):
        payload = {
            "output": dep["output"],
            "outputs": _outputs(dep["output"]),
            "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
            "state": [
                {"id": s["id"], "property": s["property"], "value": query} for s in dep["state"]
            ],
            "changedPropIds": [f"{_id_text(button)}.n_clicks"],
        }
        status, body = _post(client, payload)
        _assert_safe(status, body, f"download with query {str(query)[:30]}")
        if status == 200:
            sent = json.loads(body)["response"][downloads.DOWNLOAD]["data"]
            assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", sent["filename"]), sent[
                "filename"
            ]
