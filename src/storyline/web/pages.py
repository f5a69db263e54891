"""Server-rendered HTML pages: readable without JavaScript, each the twin of an /api route."""
from __future__ import annotations

from typing import Annotated, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import views
from storyline.i18n import LANGUAGES, NAMES, pick_language, translator
from storyline.web.api import Limit, Offset, Since, Until, stories_page, store_of
from storyline.web.highlight import highlight_article
from storyline.web.lookups import list_outlets, search_hits
from storyline.web.render import render
from storyline.web.report import report_context, story_markdown

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
LANG_COOKIE = "lang"
HEADINGS = (401, 403, 404, 413, 422)  # error.<status> in the catalogue; other errors get error.heading


def language_of(request: Request) -> str:
    """?lang= wins (the switch's links), then the cookie it left, then English."""
    return pick_language(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))


def language_links(request: Request) -> list[dict]:
    """The switch: this page again with ?lang= set, every other query parameter kept. The raw path
    keeps an id's escapes (%2F, %3F) as the browser sent them."""
    path = request.scope.get("raw_path", b"").decode("latin-1") or request.url.path
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return [{"lang": code, "name": NAMES[code], "href": path + "?" + urlencode(params + [("lang", code)])}
            for code in LANGUAGES]


def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    """A page in the reader's language; a ?lang= choice is kept in a cookie for the next pages."""
    lang = language_of(request)
    response = HTMLResponse(render(name, lang=lang, languages=language_links(request), **context),
                            status_code=status, headers={"Content-Language": lang})
    chosen = (request.query_params.get("lang") or "").strip().lower()[:2]
    if chosen in LANGUAGES and request.cookies.get(LANG_COOKIE) != lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response


def found(request: Request, value, what: str):
    """The page twin of api.found: the same 404, its message in the reader's language."""
    if value is None:
        t = translator(language_of(request))
        raise HTTPException(404, t("error.not_found", what=t(f"what.{what}")))
    return value


@router.get("/", response_class=HTMLResponse)
def front_page(request: Request, since: Since = None, until: Until = None, outlet: Optional[str] = None,
               entity: Optional[str] = None, limit: Limit = PAGE_SIZE, offset: Offset = 0):
    """The stories, newest first; the filter form submits here with GET, so it works without script."""
    filters = {"since": since, "until": until, "outlet": outlet, "entity": entity}
    result = stories_page(request, since, until, outlet, entity, limit, offset)
    return page(request, "stories.html", nav="stories", page=result, filters=filters,
                outlets=list_outlets(store_of(request)), pager=pager("/", filters, result["total"], limit, offset))


def pager(path: str, filters: dict, total: int, limit: int, offset: int) -> dict:
    """Links to the previous and next page that keep the filters."""
    def link(new_offset: int) -> str:
        params = {k: v for k, v in filters.items() if v} | ({"offset": new_offset} if new_offset else {})
        return path + ("?" + urlencode(params) if params else "")

    return {"previous": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    story = found(request, views.story_detail(store_of(request), story_id), "story")
    return page(request, "story.html", **report_context(story, links=True, lang=language_of(request)))


@router.get("/stories/{story_id}/report.html", response_class=HTMLResponse)
def story_report_html(request: Request, story_id: str):
    from storyline.web.report import story_html

    story = found(request, views.story_detail(store_of(request), story_id), "story")
    return HTMLResponse(story_html(story, language_of(request)))


@router.get("/stories/{story_id}/report.md", response_class=PlainTextResponse)
def story_report_md(request: Request, story_id: str):
    story = found(request, views.story_detail(store_of(request), story_id), "story")
    return PlainTextResponse(story_markdown(story, language_of(request)), media_type="text/markdown; charset=utf-8")


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str):
    entity = found(request, views.entity_detail(store_of(request), entity_id), "entity")
    return page(request, "entity.html", entity=entity)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    store = store_of(request)
    article = found(request, views.article_detail(store, article_id), "article")
    story = views.story_summary(store, article["story"]) if article["story"] else None
    blocks = highlight_article(article, translator(language_of(request)))
    return page(request, "article.html", article=article, blocks=blocks,
                story_title=story["title"] if story else None)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                limit: Annotated[int, Query(ge=1, le=200)] = 50):
    store = store_of(request)
    hits = search_hits(store, q, limit)
    titles = {s: (views.story_summary(store, s) or {}).get("title") for s in {h["story"] for h in hits} if s}
    return page(request, "search.html", query=q, hits=hits, story_titles=titles)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API described from the OpenAPI schema, on the server: Swagger UI would need a CDN."""
    return page(request, "api_docs.html", nav="api", routes=describe_routes(request.app.openapi()))


def describe_routes(schema: dict) -> list[dict]:
    routes = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            params = [{"name": p["name"], "description": p.get("description", "")}
                      for p in operation.get("parameters", []) if p.get("in") != "header"]
            routes.append({"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                           "params": params})
    return routes


def install_error_pages(app: FastAPI) -> None:
    """Errors as JSON under /api, as a readable page elsewhere."""
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                                headers=getattr(error, "headers", None))
        return page(request, "error.html", status=error.status_code, heading=error_heading(error.status_code),
                    detail=error.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, error: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_errors(error)}, status_code=422)
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in error.errors())
        return page(request, "error.html", status=422, heading=error_heading(422), detail=problems)


def error_heading(status: int) -> str:
    """The catalogue key of an error page's heading (the template words it in the reader's language)."""
    return f"error.{status}" if status in HEADINGS else "error.heading"


def jsonable_errors(error: RequestValidationError) -> list[dict]:
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()]

