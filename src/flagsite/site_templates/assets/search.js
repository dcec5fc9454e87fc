/* flagsite: find a customer by name, id, email or phone from the sharded index.
   Only the manifest and the one shard a query needs are downloaded. Record text
   is only ever set with textContent, never parsed as HTML. No dependencies.
   words() implements the specification in flagsite/render/search_index.py, which
   builds the index; under node (module.exports) the search itself can be tested. */
(function () {
  "use strict";
  var MAX_SHARDS = 6, MAX_RESULTS = 25, PHONE_WORD_MIN = 3;
  // Han, Hiragana and Katakana: one word per character (the same ranges as search_index.py).
  var ONE_CHARACTER_WORD = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
  var WORD_CHARACTER = /[\p{L}\p{N}'\u2019\u2010-]/u, JOINER = /['\u2019\u2010-]/;

  function words(text) {
    var plain = text.normalize("NFKD").toLowerCase().replace(/\p{M}/gu, "").replace(/\u03c2/g, "\u03c3");
    var found = [], chunk = "";
    Array.from(plain + " ").forEach(function (char) {
      var single = ONE_CHARACTER_WORD.test(char);
      if (!single && WORD_CHARACTER.test(char)) { chunk += char; return; }
      var parts = chunk.split(JOINER).filter(Boolean);
      found.push.apply(found, parts.length > 1 ? parts.concat([parts.join("")]) : parts);
      chunk = "";
      if (single) found.push(char);
    });
    return found;
  }
  function phoneDigits(text) {
    return text.normalize("NFKD").replace(/[^0-9]/g, "");
  }
  function phoneWords(phone) {
    var digits = phoneDigits(phone);
    var forms = [digits, digits.replace(/^0+/, "")];
    var groups = phone.normalize("NFKD").trim().split(/\s+/);
    if (groups.length > 1 && groups[0].charAt(0) === "+") {
      var rest = digits.slice(phoneDigits(groups[0]).length);
      forms.push(rest, "0" + rest);
    }
    return forms.filter(function (form, i) { return form.length >= PHONE_WORD_MIN && forms.indexOf(form) === i; });
  }
  function fileKey(key) {
    if (/^[a-z0-9$]+$/.test(key)) return key.replace("$", "_");
    var hex = "";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "x" + hex;
  }
  /* What a query needs: its words, its digits when it reads as a phone number, and the
     shard files (relative to the search folder) that hold every customer it can match. */
  function plan(m, text) {
    var queryWords = words(text);
    var compact = text.normalize("NFKD").replace(/[\s+().\/-]/g, "");
    var digits = /^[0-9]{3,}$/.test(compact) ? compact : "";
    var files = [], partial = false;
    function shardsOf(word) {
      var best = null;
      m.keys.forEach(function (key) {
        if (key.slice(-1) !== "$" && word.indexOf(key) === 0 && (!best || key.length > best.length)) best = key;
      });
      if (best) return ["t/" + fileKey(best) + ".json"];
      var under = m.keys.filter(function (key) { return key.indexOf(word) === 0; });
      under.sort(function (a, b) { return (b === word + "$") - (a === word + "$") || a.length - b.length; });
      partial = partial || under.length > MAX_SHARDS;
      return under.slice(0, MAX_SHARDS).map(function (key) { return "t/" + fileKey(key) + ".json"; });
    }
    if (queryWords.length) files = shardsOf(queryWords.slice().sort(function (a, b) { return b.length - a.length; })[0]);
    if (digits) {
      // A number typed in groups ("22 555 01") is found by its digits run together, a phone's digit word.
      if (queryWords.length > 1) files = files.concat(shardsOf(digits).filter(function (file) { return files.indexOf(file) < 0; }));
      files.push("p/" + digits.slice(-m.phone_digits) + ".json");
    }
    return { words: queryWords, digits: digits, files: files, partial: partial };
  }
  function matches(entry, queryWords, digits) {
    if (digits) {
      var phoneHit = entry[3].some(function (phone) {
        var d = phoneDigits(phone), national = digits.replace(/^0+/, "");
        return d.endsWith(digits) || (d.length >= 7 && digits.endsWith(d)) || (national.length >= 7 && d.endsWith(national));
      });
      if (phoneHit) return true;
    }
    var own = words([entry[0], entry[1]].concat(entry[2], entry[3]).join(" "));
    entry[3].forEach(function (phone) { own.push.apply(own, phoneWords(phone)); });
    return queryWords.every(function (q) { return own.some(function (w) { return w.indexOf(q) === 0; }); });
  }
  if (typeof module !== "undefined" && module.exports) {
    module.exports = { words: words, phoneDigits: phoneDigits, phoneWords: phoneWords, plan: plan, matches: matches };
  }
  if (typeof document === "undefined") return;

  var script = document.currentScript;
  var scriptUrl = script ? script.src : "";
  function setUp() {
    var input = document.getElementById("fs-search-input");
    var output = document.getElementById("fs-search-results");
    if (!input || !output || input.getAttribute("data-ready")) return;
    input.setAttribute("data-ready", "1");
    var src = scriptUrl || (document.querySelector('script[src*="flagsite/search.js"]') || {}).src || "";
    var assets = src.replace(/search\.js(\?.*)?$/, "");
    var siteRoot = assets.replace(/assets\/flagsite\/$/, "");
    var base = assets + "search/";
    var manifest = null, shards = {}, timer = null, generation = 0;

    function getJson(url) {
      if (!shards[url]) {
        shards[url] = fetch(url).then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; });
      }
      return shards[url];
    }
    function getManifest() {
      if (!manifest) manifest = getJson(base + "manifest.json");
      return manifest;
    }
    function show(results, m, note) {
      output.textContent = "";
      results.slice(0, MAX_RESULTS).forEach(function (entry) {
        var a = document.createElement("a");
        a.className = "fs-result";
        a.href = siteRoot + "customers/" + encodeURIComponent(entry[0]) + "/" + m.page_suffix;
        var name = document.createElement("strong");
        name.textContent = entry[1];
        a.appendChild(name);
        a.appendChild(document.createTextNode(" "));
        var id = document.createElement("span");
        id.className = "fs-id";
        id.textContent = entry[0];
        a.appendChild(id);
        entry[4].forEach(function (type) {
          var kind = m.types[type] || [type, "info"];
          var badge = document.createElement("span");
          badge.className = "fs-badge fs-sev-" + kind[1];
          badge.setAttribute("data-flag-type", type);
          badge.textContent = kind[0];
          a.appendChild(document.createTextNode(" "));
          a.appendChild(badge);
        });
        var detail = document.createElement("span");
        detail.className = "fs-result-detail";
        detail.textContent = entry[2].concat(entry[3]).join(" · ");
        a.appendChild(detail);
        output.appendChild(a);
      });
      var message = "";
      if (!results.length) message = "No customer found.";
      else if (results.length > MAX_RESULTS) message = results.length + " found; showing " + MAX_RESULTS + ". Type more to narrow.";
      if (note) message = (message ? message + " " : "") + note;
      if (message) {
        var p = document.createElement("p");
        p.className = "fs-muted";
        p.textContent = message;
        output.appendChild(p);
      }
    }
    function search() {
      var text = input.value.trim();
      var mine = ++generation;
      if (!text) { output.textContent = ""; return; }
      getManifest().then(function (m) {
        var wanted = plan(m, text);
        return Promise.all(wanted.files.map(function (file) { return getJson(base + file); })).then(function (lists) {
          if (mine !== generation) return;
          var seen = {}, results = [];
          lists.forEach(function (list) {
            list.forEach(function (entry) {
              if (!seen[entry[0]] && matches(entry, wanted.words, wanted.digits)) { seen[entry[0]] = true; results.push(entry); }
            });
          });
          results.sort(function (a, b) { return a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]); });
          var note = wanted.partial ? "Type more letters to search all customers." : "";
          if (!wanted.files.length && !wanted.words.length) note = "Type a name, id, email or phone.";
          show(results, m, note);
        });
      });
    }
    if (input.form) input.form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 120); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = output.querySelector("a.fs-result");
        if (first) window.location.href = first.href;
      }
    });
    if (window.location.protocol === "file:") {
      // Browsers do not let a page opened from disk read the index beside it: say so, rather than find nothing.
      var away = document.createElement("p");
      away.className = "fs-opened-from-disk";
      away.textContent = "This site was opened from disk, where the browser does not let the search read its index " +
        "and pages open as folders. Look at it through a web server: run \"flagsite serve\" in the records " +
        "repository, or \"python3 -m http.server --directory site\" and open http://127.0.0.1:8000/.";
      input.form.parentNode.insertBefore(away, input.form);
    }
    // autofocus is skipped by some browsers when the page is reached by script or restored from cache.
    if (input.hasAttribute("autofocus") && (!document.activeElement || document.activeElement === document.body)) input.focus();
    if (input.value) search();
  }
  /* A search box at the top of the current page, wired like the home page's. It is focused within
     the "/" key press, so what is typed right after "/" lands in it: loading the home page instead
     dropped the keys typed while it loaded. Escape closes it. */
  function searchHere() {
    var form = document.createElement("form");
    form.className = "fs-search fs-search-here";
    form.setAttribute("role", "search");
    var label = document.createElement("label");
    label.setAttribute("for", "fs-search-input");
    label.textContent = "Find a customer: name, id, email or phone";
    var input = document.createElement("input");
    input.id = "fs-search-input";
    input.type = "search";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    var output = document.createElement("div");
    output.id = "fs-search-results";
    output.className = "fs-search-results";
    output.setAttribute("aria-live", "polite");
    form.appendChild(label);
    form.appendChild(input);
    var place = document.querySelector(".md-content__inner") || document.body;
    place.insertBefore(output, place.firstChild);
    place.insertBefore(form, output);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { form.parentNode.removeChild(form); output.parentNode.removeChild(output); }
    });
    setUp();
    return input;
  }
  // "/" on any page opens the search, as in most sites' search boxes: staff on a customer's
  // page find the next customer without reaching for the mouse.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    (document.getElementById("fs-search-input") || searchHere()).focus();
  });
  if (typeof document$ !== "undefined" && document$.subscribe) { document$.subscribe(setUp); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); }
  else { setUp(); }
})();
