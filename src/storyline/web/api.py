"""The JSON API under /api: the same `storyline.views` functions the CLI prints and the pages render."""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from storyline import views
from storyline.web import ingest
from storyline.web.lookups import resolve_entity, search_hits
from storyline.web.worker import WorkerBusy, WorkerFailed, ingest_in_worker

router = APIRouter(prefix="/api", tags=["api"])

Since = Annotated[Optional[str], Query(description="Nur Geschichten, die an oder nach diesem Datum aktiv sind "
                                       "(YYYY-MM-DD).", pattern=r"^\d{4}(-\d{2}){0,2}$")]
Until = Annotated[Optional[str], Query(description="Nur Geschichten, die an oder vor diesem Datum begannen.",
                                       pattern=r"^\d{4}(-\d{2}){0,2}$")]
Limit = Annotated[int, Query(ge=1, le=200, description="Wie viele Einträge.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="So viele überspringen (Blättern).")]
INGEST_BODY = {"requestBody": {"content": {
    "application/json": {"schema": {"description": "Ein Artikel, eine Liste oder {\"articles\": [...]}; Felder "
                                                   "id, date, outlet, url, title, text (Pflicht)."}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary"}}}}}}}


def store_of(request: Request):
    return request.app.state.store


def stories_page(request: Request, since, until, outlet, entity, limit, offset) -> dict:
    store = store_of(request)
    return views.list_stories(store, since=since, until=until, outlet=outlet or None,
                              entity=resolve_entity(store, entity), limit=limit, offset=offset)


@router.get("/stories", summary="Geschichten, neueste zuerst")
def api_stories(request: Request, since: Since = None, until: Until = None, outlet: Optional[str] = None,
                entity: Annotated[Optional[str], Query(description="Name oder id einer Entität.")] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict:
    return stories_page(request, since, until, outlet, entity, limit, offset)


@router.get("/stories/{story_id}", summary="Eine Geschichte mit Zeitleiste, Orten, Akteuren, Zitaten, Fakten")
def api_story(request: Request, story_id: str) -> dict:
    return found(views.story_detail(store_of(request), story_id), "Geschichte")


@router.get("/entities", summary="Entitäten, meistgenannte zuerst")
def api_entities(request: Request, type: Optional[str] = Query(None, pattern="^(PER|ORG|LOC|MISC)$"),
                 limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    return views.list_entities(store_of(request), type=type, limit=limit, offset=offset)


@router.get("/entities/{entity_id:path}", summary="Eine Entität über alle Geschichten")
def api_entity(request: Request, entity_id: str) -> dict:
    return found(views.entity_detail(store_of(request), entity_id), "Entität")


@router.get("/quotes", summary="Zitate, neueste zuerst")
def api_quotes(request: Request, speaker: Optional[str] = None, limit: Limit = 200) -> dict:
    return views.list_quotes(store_of(request), speaker=speaker, limit=limit)


@router.get("/articles/{article_id:path}", summary="Ein Artikel mit allen Fundstellen (JSON-Vertrag)")
def api_article(request: Request, article_id: str) -> dict:
    return found(views.article_detail(store_of(request), article_id), "Artikel")


@router.get("/search", summary="Volltextsuche über die Artikel")
def api_search(request: Request, q: Annotated[str, Query(max_length=500)] = "", limit: Limit = 20) -> dict:
    return {"query": q, "hits": search_hits(store_of(request), q, limit)}


@router.post("/articles", summary="Artikel einspielen (Bearer-Token nötig)", openapi_extra=INGEST_BODY,
             status_code=201, responses={200: {"description": "Nichts Neues (alles schon gespeichert)"}})
async def api_ingest(request: Request, authorization: Annotated[Optional[str], Header()] = None):
    """Returns the new article ids and the story of each; the ingest runs in the app's worker
    process (`web.worker`): 503 when too many posts wait or the worker ran out of time or memory."""
    app = request.app
    ingest.check_token(app.state.token, authorization)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        upload = (await request.form()).get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, "Formularfeld \"file\" fehlt.")
        name, data, format = ingest.upload_name(upload.filename), await upload.read(), None
    else:
        records = ingest.records_from_json(await read_json(request))
        name, data, format = "posted.jsonl", ingest.records_file(records), "jsonl"
    try:
        result = await app.state.worker.run(ingest_in_worker, name, data, format)
    except (WorkerBusy, WorkerFailed) as error:
        raise HTTPException(503, f"Einspielen gerade nicht möglich: {error}.", headers={"Retry-After": "30"}) from error
    if not result["added"] and not result["duplicates"] and any(p["severity"] == "error" for p in result["problems"]):
        return JSONResponse(result, status_code=422)  # every article was set aside: the problems say why
    return JSONResponse(result, status_code=201 if result["added"] else 200)


async def read_json(request: Request):
    try:
        return await request.json()
    except ValueError as error:
        raise HTTPException(400, f"Kein gültiges JSON: {error}") from error
    except RecursionError as error:  # `[[[[…` nested deeper than Python's parser goes (fuzz/hostile_run.py)
        raise HTTPException(400, "Kein gültiges JSON: zu tief verschachtelt.") from error


def found(value, what: str):
    if value is None:
        raise HTTPException(404, f"{what} nicht gefunden.")
    return value
