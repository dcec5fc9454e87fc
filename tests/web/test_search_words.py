"""One specification of search words, two implementations: the index's (Python) and the query's (search.js).

Every text of a varied corpus splits into the same words in both; and every
customer is found by the real script from each of their words, as typed
(with accents or vowel marks, or without them).
"""

from __future__ import annotations

import unicodedata

import pytest

import site_factory as f
from flagsite.render import render_site
from flagsite.render.search_index import phone_words, words
from flagsite.repository import load_repository
from node_search import node_find, node_phone_words, node_words

CUSTOMERS = [
    ("C-10001", "Zoë Ångström", ["zoe.angstrom+vip@example.co.uk"], ["+44 20 7946 0018"]),
    ("C-10002", "José Núñez-García", ["jose.nunez@example.es"], ["555 010-0303"]),
    ("C-10003", "François d'Aubigné", ["f.daubigne@example.fr"], []),
    ("C-10004", "Siobhán O’Brien", ["siobhan-obrien@example.ie"], ["+353 1 555 0199"]),
    ("C-10005", "Łukasz Żółć", [], ["+48 22 555 01 77"]),
    ("C-10006", "مُحَمَّد عَبْد ٱللَّٰه", ["m.abdullah@example.com"], ["+971 4 555 0123"]),
    ("C-10007", "שָׁלוֹם כֹּהֵן", ["shalom@example.co.il"], []),
    ("C-10008", "王小明", ["wang.xiaoming@example.cn"], []),
    ("C-10009", "山田 太郎", [], []),
    ("C-10010", "やまだ はなこ", [], []),
    ("C-10011", "김민준", [], []),
    ("C-10012", "Ὀδυσσεύς Παπαδόπουλος", [], []),
    ("C-10013", "Иван Петров", ["ivan.petrov@example.ru"], []),
    ("C-10014", "Nguyễn Văn An", [], []),
    ("C-10015", "İsmail Şahin", [], []),
    ("C-10016", "Jean-Luc Picard", ["jl.picard@example.com"], []),
    ("C-10017", "Ama Ata Aidoo 2nd", ["ama_aidoo@example.gh"], []),
    ("C-10018", "राम शर्मा", [], []),
    ("C-10019", "Ｆｕｌｌｗｉｄｔｈ ｶﾀｶﾅ", [], []),
    ("C-10020", "ΟΔΟΣ Σίσυφος", [], []),
]
EXTRA_TEXTS = ["", "  ", "---", "a--b-", "x'y’z‐w", "O'Brien-Smith", "100% C-10042!", "tab\there", "½ Ⅻ ﬀ", "e\u0301cole", "İİ"]


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))


def test_the_script_splits_every_text_into_the_words_of_the_index() -> None:
    texts = [text for id_, name, emails, phones in CUSTOMERS for text in (id_, name, *emails, *phones)] + EXTRA_TEXTS
    texts += [_without_marks(text) for text in texts] + [text.upper() for text in texts]
    assert node_words(texts) == [words(text) for text in texts]


def test_the_script_gives_every_phone_number_the_digit_words_of_the_index() -> None:
    phones = [phone for *_, phones in CUSTOMERS for phone in phones]
    phones += ["020 7946 0018", "+1 (555) 010-7788", "(0)20 7946", "+44", "0", "", "+ 44 20", "+４４ ２０ ７９４６"]
    assert node_phone_words(phones) == [phone_words(phone) for phone in phones]
    assert phone_words("+44 20 7946 0018") == ["442079460018", "2079460018", "02079460018"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = str(tmp_path_factory.mktemp("search-words"))
    f.write_repository(root, [f.customer(id_, name, emails=emails, phones=phones) for id_, name, emails, phones in CUSTOMERS])
    result = load_repository(root, today=f.TODAY, jobs=1)
    assert result.ok, result.findings
    return render_site(result.catalog)


def test_every_customer_is_found_by_each_word_as_typed(pages: dict[str, str]) -> None:
    typed: list[tuple[str, str]] = []
    for id_, name, emails, phones in CUSTOMERS:
        for text in (id_, name, *emails):
            pieces = text.split()
            typed += [(id_, query) for query in (text, *pieces, *words(text), _without_marks(text), *map(_without_marks, pieces))]
        typed += [(id_, phone) for phone in phones]
    found = node_find(pages, [query for _, query in typed])
    missed = [(id_, query) for (id_, query), ids in zip(typed, found, strict=True) if id_ not in ids]
    assert missed == []


@pytest.mark.parametrize("query, expected", [
    ("مُحَمَّد", ["C-10006"]), ("محمد", ["C-10006"]), ("שָׁלוֹם", ["C-10007"]), ("שלום", ["C-10007"]),
    ("小明", ["C-10008"]), ("obrien", ["C-10004"]), ("O'Brien", ["C-10004"]), ("brien", ["C-10004"]),
    ("C10016", ["C-10016"]), ("jeanluc", ["C-10016"]), ("zoe angstrom", ["C-10001"]), ("ΟΔΟΣ", ["C-10020"]),
    ("οδος", ["C-10020"]), ("nobody", []), ("c10016", ["C-10016"]),
    # A number as dialled at home, whole or partly typed, and partly typed in any form.
    ("020 7946 0018", ["C-10001"]), ("02079460018", ["C-10001"]), ("020 79", ["C-10001"]), ("0207946", ["C-10001"]),
    ("+44 20 79", ["C-10001"]), ("44207", ["C-10001"]), ("555 010", ["C-10002"]), ("+353 1 555 01", ["C-10004"]),
    ("22 555 01", ["C-10005"]), ("0 4 555 0123", ["C-10006"]),
])
def test_queries_a_person_would_type(pages: dict[str, str], query: str, expected: list[str]) -> None:
    assert node_find(pages, [query])[0] == expected
