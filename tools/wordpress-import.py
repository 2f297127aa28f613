#!/usr/bin/env python3
"""Copy a paper's articles from a WordPress REST API export into Broadsheet through the Admin API.

The export is a JSON array of posts as WordPress's /wp-json/wp/v2/posts returns them (save each page of
`curl 'https://old.example/wp-json/wp/v2/posts?per_page=100&page=N'` and join the arrays). Each post
becomes a Broadsheet article: title -> headline, excerpt -> deck, slug -> slug, content -> body (HTML
turned into Markdown). Posts WordPress had published are published; the rest stay drafts. A post whose
slug is taken already is reported and skipped, so running the script twice copies nothing twice (a
slug WordPress kept percent-encoded is made again from the headline, the same way each time).

    BROADSHEET_TOKEN=bst_... python3 tools/wordpress-import.py export.json \
        --base https://news.example --section 3 --author 7

The token is a staff token (newsroom -> API tokens); publishing needs an editor's. Python 3.9+, standard
library only. Exit status 0 when every post was copied or skipped as already there, 1 otherwise.
"""
import argparse
import html
import json
import os
import re
import sys
import unicodedata
import urllib.error
import urllib.request
from html.parser import HTMLParser

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Markdown(HTMLParser):
    """WordPress post HTML as CommonMark: paragraphs, headings, emphasis, links, lists, quotes, line breaks."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "div", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.line, self.links, self.lists, self.quote = [], "", [], [], 0

    def flush(self):
        text = re.sub(r"[ \t]+", " ", self.line).strip()
        if text:
            prefix = "> " * self.quote
            self.blocks.append("\n".join(prefix + part.strip() for part in text.split("\n")))
        self.line = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.BLOCKS or tag == "li":
            self.flush()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.line += "#" * max(2, int(tag[1])) + " "
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
            kind, n = self.lists[-1]
            self.line += "  " * (len(self.lists) - 1) + ("%d. " % n if kind == "ol" else "- ")
        elif tag == "blockquote":
            self.quote += 1
        elif tag in ("em", "i"):
            self.line += "*"
        elif tag in ("strong", "b"):
            self.line += "**"
        elif tag == "a":
            self.links.append(a.get("href") or "")
            self.line += "["
        elif tag == "br":
            self.line += "\n"

    def handle_endtag(self, tag):
        if tag in ("em", "i"):
            self.line += "*"
        elif tag in ("strong", "b"):
            self.line += "**"
        elif tag == "a" and self.links:
            self.line += "](" + self.links.pop().replace(")", "%29") + ")"
        elif tag in ("ul", "ol") and self.lists:
            self.flush()
            self.lists.pop()
        elif tag == "blockquote":
            self.flush()
            self.quote = max(0, self.quote - 1)
        elif tag in self.BLOCKS or tag == "li":
            self.flush()

    def handle_data(self, data):
        text = data.replace("\n", " ")
        self.line += re.sub(r"([\\`*_\[\]])", r"\\\1", text)

    def markdown(self, source):
        self.feed(source)
        self.close()
        self.flush()
        # list items sit on consecutive lines; other blocks are separated by a blank line
        out = []
        for block in self.blocks:
            item = re.match(r"^\s*(- |\d+\. )", block)
            if out and item and re.match(r"^\s*(- |\d+\. )", out[-1].split("\n")[-1]):
                out[-1] += "\n" + block
            else:
                out.append(block)
        return "\n\n".join(out)


def slug_of(text):
    """Broadsheet's own slug rule (accents dropped, lower-case words joined by hyphens, at most 80 characters)."""
    s = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > 80:
        s = re.sub(r"-[^-]*$", "", s[:80])
    return s.rstrip("-")


def plain(rendered):
    """Text of a rendered WordPress field (title, excerpt) without tags or entities."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered or "")).strip()


def call(base, token, method, path, body=None):
    req = urllib.request.Request(
        base.rstrip("/") + path,
        method=method,
        data=None if body is None else json.dumps(body).encode("utf-8"),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def problem(answer):
    errors = answer.get("errors") or []
    if errors:
        return "; ".join("%s: %s" % (e.get("field"), e.get("detail")) for e in errors)
    return answer.get("detail", "no detail")


def article(post, section, author):
    headline = plain(post.get("title", {}).get("rendered"))[:300]
    slug = post.get("slug") or ""
    a = {
        "headline": headline,
        "deck": plain(post.get("excerpt", {}).get("rendered"))[:1000],
        # WordPress keeps non-ASCII slugs percent-encoded; those get one made from the headline, the same on every run
        "slug": slug if SLUG.match(slug) else slug_of(headline),
        "section": section,
        "body": Markdown().markdown(post.get("content", {}).get("rendered", "")),
    }
    if author:
        a["authors"] = [author]
    return a


def main(argv=None):
    p = argparse.ArgumentParser(description="Copy WordPress posts into Broadsheet through the Admin API.")
    p.add_argument("export", help="a JSON array of posts, as /wp-json/wp/v2/posts returns them")
    p.add_argument("--base", required=True, help="Broadsheet's address, e.g. https://news.example")
    p.add_argument("--section", type=int, required=True, help="the section id the articles go in")
    p.add_argument("--author", type=int, help="the author id of their byline (default: the token's own)")
    p.add_argument("--drafts-only", action="store_true", help="publish nothing, even posts WordPress published")
    args = p.parse_args(argv)
    token = os.environ.get("BROADSHEET_TOKEN")
    if not token:
        p.error("set BROADSHEET_TOKEN to a staff token (newsroom -> API tokens)")
    with open(args.export, encoding="utf-8") as f:
        posts = json.load(f)
    if not isinstance(posts, list):
        p.error("the export must be a JSON array of posts")
    failed = 0
    for post in posts:
        wanted = article(post, args.section, args.author)
        name = wanted["slug"] or str(post.get("id"))
        status, answer = call(args.base, token, "POST", "/api/admin/articles", wanted)
        if status == 422 and any(
            e.get("field") == "slug" and "already uses" in e.get("detail", "") for e in answer.get("errors", [])
        ):
            print("skipped %s: an article with this slug is there already" % name)
            continue
        if status != 201:
            failed += 1
            print("refused %s (%d): %s" % (name, status, problem(answer)))
            continue
        done = "draft"
        if post.get("status") == "publish" and not args.drafts_only:
            status, published = call(args.base, token, "POST", "/api/admin/articles/%d/publish" % answer["id"])
            if status == 200:
                done = "published"
            else:
                failed += 1
                done = "draft; not published (%d): %s" % (status, problem(published))
        print("copied %s as article %d (%s)" % (name, answer["id"], done))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
