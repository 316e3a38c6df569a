// audionews desk: the page. Plain JavaScript, no build step; it uses the same JSON API as any
// system (docs/api.md). Text from the server is always set with textContent, never as HTML.
"use strict";

const T = JSON.parse(document.getElementById("messages").textContent);
const CSRF = document.querySelector('meta[name="csrf-token"]').content;
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function showError(message) {
  const box = $("#message");
  box.textContent = message ? `${T.error}: ${message}` : "";
  box.hidden = !message;
}

async function api(method, url, body) {
  const init = { method, headers: { "X-CSRF-Token": CSRF } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    if (type.includes("json")) message = (await response.json()).error || message;
    throw new Error(message);
  }
  return type.includes("json") ? response.json() : response.blob();
}

// ------------------------------------------------------------------ state
const state = {
  preview: null, // the last /api/preview answer
  edits: [], // per story: {title, byline, read_dropped: Set}
  engines: [],
  job: null,
  fromJob: null, // inputs of an opened job (files that cannot be edited here)
};

// ------------------------------------------------------------------ 1. stories
function addStory(text = "") {
  const node = $("#story-template").content.firstElementChild.cloneNode(true);
  node.dataset.mode = "text";
  $(".story-text", node).value = text;
  for (const tab of $$(".tab", node)) {
    tab.addEventListener("click", () => {
      node.dataset.mode = tab.dataset.mode;
      for (const t of $$(".tab", node)) t.classList.toggle("active", t === tab);
      $(".story-text", node).hidden = tab.dataset.mode !== "text";
      $(".story-file", node).hidden = tab.dataset.mode !== "file";
      $(".story-url", node).hidden = tab.dataset.mode !== "url";
    });
  }
  $(".remove-story", node).addEventListener("click", () => {
    node.remove();
    numberStories();
  });
  $("#stories").append(node);
  numberStories();
  return node;
}

function numberStories() {
  const nodes = $$("#stories .story");
  nodes.forEach((n, i) => {
    $(".story-no", n).textContent = nodes.length > 1 ? String(i + 1) : "";
    $(".remove-story", n).hidden = nodes.length < 2;
  });
  $("#bulletin-title-label").hidden = nodes.length < 2;
}

function settings() {
  const out = {
    profile: $("#s-profile").value,
    engine: $("#s-engine").value || "espeak",
    speed: Number($("#s-speed").value),
  };
  if ($("#s-voice").value) out.voice = $("#s-voice").value;
  if ($("#s-format").value) out.format = $("#s-format").value;
  if ($("#s-fit").value.trim()) out.fit = $("#s-fit").value.trim();
  return out;
}

// The submission: JSON, or a form when a file is uploaded.
function submission(withEdits) {
  const nodes = $$("#stories .story");
  const stories = [];
  const files = [];
  nodes.forEach((node, i) => {
    const edit = withEdits ? state.edits[i] : null;
    const story = {};
    if (edit) {
      story.title = edit.title;
      story.byline = edit.byline;
      story.read_dropped = Array.from(edit.read_dropped);
    }
    const mode = node.dataset.mode;
    if (mode === "text") story.text = $(".story-text", node).value;
    else if (mode === "url") story.url = $(".story-url", node).value.trim();
    else {
      const file = $(".story-file input", node).files[0];
      if (!file) return;
      story.upload = files.length;
      files.push(file);
    }
    stories.push(story);
  });
  const body = { stories, settings: settings(), user: $("#user").value.trim() };
  if (nodes.length > 1 && $("#bulletin-title").value.trim()) body.bulletin_title = $("#bulletin-title").value.trim();
  if (state.fromJob && !nodes.length) {
    body.from_job = state.fromJob;
    body.stories = state.edits.map((e) => ({ title: e.title, byline: e.byline, read_dropped: Array.from(e.read_dropped) }));
  }
  if (!files.length) return body;
  const form = new FormData();
  for (const f of files) form.append("file", f, f.name);
  form.append("request", JSON.stringify(body));
  return form;
}

function hasInput() {
  if (state.fromJob) return true;
  return $$("#stories .story").some((node) => {
    const mode = node.dataset.mode;
    if (mode === "text") return $(".story-text", node).value.trim() !== "";
    if (mode === "url") return $(".story-url", node).value.trim() !== "";
    return $(".story-file input", node).files.length > 0;
  });
}

// ------------------------------------------------------------------ 2 and 3. understood
async function understand(keepEdits) {
  if (!hasInput()) return showError(T.need_text);
  showError("");
  document.body.classList.add("busy");
  try {
    const answer = await api("POST", "/api/preview", submission(keepEdits));
    state.preview = answer;
    if (!keepEdits) {
      state.edits = answer.stories.map((s) => ({
        title: s.edited.title,
        byline: s.edited.byline || "",
        read_dropped: new Set(),
      }));
    }
    drawUnderstood();
    drawScript();
    for (const id of ["#step2", "#step3", "#step4"]) $(id).hidden = false;
  } catch (e) {
    showError(e.message);
  } finally {
    document.body.classList.remove("busy");
  }
}

let again = null;
function understandSoon() {
  clearTimeout(again);
  again = setTimeout(() => understand(true), 400);
}

function field(label, value, onInput) {
  const input = el("input", { value: value || "" });
  input.addEventListener("input", () => onInput(input.value));
  return el("label", { class: "field" }, label + " ", input);
}

function drawUnderstood() {
  const box = $("#understood");
  box.replaceChildren();
  state.preview.stories.forEach((s, i) => {
    const edit = state.edits[i];
    const dropped = el("ul", { class: "dropped" });
    for (const d of s.dropped) {
      const box2 = el("input", { type: "checkbox", "data-line": d.line });
      box2.checked = edit.read_dropped.has(d.line);
      box2.addEventListener("change", () => {
        if (box2.checked) edit.read_dropped.add(d.line);
        else edit.read_dropped.delete(d.line);
        understandSoon();
      });
      dropped.append(
        el("li", {},
          el("label", { class: "switch" }, box2, " " + T.read_anyway),
          el("span", { class: "line-no", text: `${T.line} ${d.line}` }),
          el("q", { text: d.text }),
          el("em", { class: "reason", text: T["drop_" + d.kind] || d.reason, title: d.reason }))
      );
    }
    if (!s.dropped.length) dropped.append(el("li", { text: T.dropped_none }));
    const headings = el("ol", { class: "headings" }, ...s.headings.map((h) => el("li", { text: h })));
    box.append(
      el("article", { class: "understood", "data-story": i },
        state.preview.stories.length > 1 ? el("h3", { text: `${T.story} ${i + 1}` }) : null,
        field(T.title, edit.title, (v) => { edit.title = v; understandSoon(); }),
        el("p", {}, el("b", { text: T.date + ": " }), s.date || "—"),
        el("p", {}, el("b", { text: T.lead + ": " }), s.lead || "—"),
        el("div", {}, el("b", { text: T.headings + ":" }), headings),
        field(T.byline, edit.byline, (v) => { edit.byline = v; understandSoon(); }),
        el("div", {}, el("b", { text: T.dropped + ":" }), dropped))
    );
  });
}

function spokenNode(changes) {
  const p = el("p", { class: "spoken" });
  changes.forEach((c, i) => {
    if (i) p.append(" ");
    if (c.kind === "same") p.append(c.text);
    else if (!c.text) p.append(el("del", { class: `k-${c.kind}`, title: `${c.written} → ∅`, "data-written": c.written, text: c.written }));
    else p.append(el("mark", { class: `k-${c.kind}`, title: `${c.written} → ${c.text}`, "data-written": c.written, text: c.text }));
  });
  return p;
}

function drawScript() {
  const box = $("#script");
  box.replaceChildren();
  for (const story of state.preview.stories) {
    for (const ch of story.chapters) {
      const rows = ch.pieces.map((p) =>
        el("div", { class: `piece kind-${p.kind}` },
          el("p", { class: "written", text: p.written }),
          spokenNode(p.changes),
          el("button", { type: "button", class: "hear", title: T.hear, onclick: () => hear(p.written) }, "▶"))
      );
      box.append(el("section", { class: "chapter" },
        el("h3", { text: ch.title }),
        el("div", { class: "piece head" }, el("b", { text: T.written }), el("b", { text: T.spoken }), el("span")),
        ...rows));
    }
  }
}

// ------------------------------------------------------------------ hearing and the lexicon
let playing = null;
async function hear(text) {
  showError("");
  try {
    const blob = await api("POST", "/api/speak", { text, settings: settings() });
    if (playing) playing.pause();
    playing = new Audio(URL.createObjectURL(blob));
    await playing.play().catch(() => {});
  } catch (e) {
    showError(e.message);
  }
}

function selectedText() {
  const sel = window.getSelection();
  return sel && !sel.isCollapsed ? sel.toString().trim() : "";
}

document.addEventListener("selectionchange", () => {
  const text = selectedText();
  const tools = $("#selection-tools");
  const inScript = text && window.getSelection().anchorNode && $("#script").contains(window.getSelection().anchorNode);
  tools.hidden = !inScript;
  if (inScript) {
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    tools.style.top = `${window.scrollY + rect.bottom + 6}px`;
    tools.style.left = `${window.scrollX + rect.left}px`;
  }
});

async function loadLexicon() {
  try {
    drawLexicon(await api("GET", "/api/lexicon"));
  } catch (e) {
    showError(e.message);
  }
}

function drawLexicon(lex) {
  const body = $("#lexicon tbody");
  body.replaceChildren();
  const entries = Object.entries(lex.words || {}).concat(Object.entries(lex.titles || {}));
  if (!entries.length) body.append(el("tr", {}, el("td", { text: T.lex_empty })));
  for (const [written, spoken] of entries) {
    body.append(el("tr", {},
      el("td", { text: written }), el("td", { text: "→ " + spoken }),
      el("td", {}, el("button", { type: "button", class: "link", onclick: () => saveLexicon(written, "") }, T.lex_remove))));
  }
}

async function saveLexicon(written, spoken) {
  try {
    drawLexicon(await api("PATCH", "/api/lexicon", { words: { [written]: spoken } }));
    if (state.preview) await understand(true);
  } catch (e) {
    showError(e.message);
  }
}

// ------------------------------------------------------------------ 4. render
function progressText(job) {
  const p = job.progress;
  const parts = [T[job.stage] || T[job.status] || job.stage];
  if (p.total) parts.push(`${p.done}/${p.total} ${T.chunks}`, `${p.cached} ${T.from_cache}`);
  if (p.eta && job.status === "running") parts.push(`${T.time_left} ${Math.ceil(p.eta)} ${T.seconds}`);
  if (job.error) parts.push(job.error);
  return parts.join(" · ");
}

function clock(seconds) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function drawJob(job) {
  $("#job").hidden = false;
  $("#progress").value = job.progress.percent;
  $("#percent").textContent = `${job.progress.percent}%`;
  $("#progress-text").textContent = progressText(job);
  $("#job").dataset.status = job.status;
  if (job.status !== "done") {
    $("#result").hidden = true;
    return;
  }
  const player = $("#player");
  if (player.dataset.job !== job.id) {
    player.src = job.links.audio;
    player.dataset.job = job.id;
  }
  const list = $("#chapters");
  list.replaceChildren();
  const flat = [];
  for (const c of job.result.chapters) {
    flat.push(c);
    for (const k of c.children || []) flat.push(k);
  }
  for (const c of flat) {
    list.append(el("li", {}, el("button", { type: "button", class: "link chapter-link",
      onclick: () => { player.currentTime = c.start; player.play().catch(() => {}); } },
    `${clock(c.start)} ${c.title}`)));
  }
  const links = $("#downloads");
  links.replaceChildren(el("b", { text: T.download + ": " }));
  links.append(el("a", { href: job.links.audio, download: job.result.file, class: "download-audio" }, job.result.format.toUpperCase()));
  links.append(" · " + T.sidecars + ": ");
  for (const [name, href] of Object.entries(job.links)) {
    if (["self", "audio"].includes(name)) continue;
    links.append(el("a", { href, download: "", class: `sidecar-${name}` }, name), " ");
  }
  $("#result").hidden = false;
}

async function follow(id) {
  state.job = id;
  for (;;) {
    let job;
    try {
      job = await api("GET", `/api/jobs/${id}`);
    } catch (e) {
      showError(e.message);
      return;
    }
    if (state.job !== id) return;
    drawJob(job);
    if (!["queued", "running"].includes(job.status)) {
      if (job.status === "failed") showError(job.error);
      loadHistory();
      return;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function render() {
  if (!hasInput()) return showError(T.need_text);
  showError("");
  try {
    const answer = await api("POST", "/api/jobs", submission(true));
    $("#result").hidden = true;
    follow(answer.id);
    loadHistory();
  } catch (e) {
    showError(e.message);
  }
}

// ------------------------------------------------------------------ 5. history
function summary(s) {
  return Object.entries(s || {}).map(([k, v]) => `${k}=${v}`).join(", ");
}

async function loadHistory() {
  let jobs;
  try {
    jobs = (await api("GET", "/api/jobs")).jobs;
  } catch (e) {
    return showError(e.message);
  }
  const body = $("#history tbody");
  body.replaceChildren();
  if (!jobs.length) body.append(el("tr", {}, el("td", { colspan: 7, text: T.history_empty })));
  for (const job of jobs) {
    const file = job.result ? el("a", { href: job.links.audio, download: job.result.file }, job.result.file) : "";
    body.append(el("tr", { "data-job": job.id },
      el("td", { text: new Date(job.created * 1000).toLocaleString(document.documentElement.lang === "vi" ? "vi-VN" : "en-GB") }),
      el("td", { text: job.user || "—" }),
      el("td", { text: job.title }),
      el("td", { class: "small", text: summary(job.settings) }),
      el("td", { text: T[job.status] || job.status }),
      el("td", {}, file),
      el("td", { class: "row-actions" },
        el("button", { type: "button", class: "link", onclick: () => openJob(job.id) }, T.open),
        el("button", { type: "button", class: "link", onclick: () => rerender(job.id) }, T.rerender),
        el("button", { type: "button", class: "link", onclick: () => removeJob(job.id) }, T.delete))));
  }
}

function applySettings(s) {
  if (s.profile) $("#s-profile").value = s.profile;
  $("#s-format").value = s.format || "";
  if (s.engine) {
    $("#s-engine").value = s.engine;
    fillVoices();
  }
  if (s.voice) $("#s-voice").value = s.voice;
  $("#s-speed").value = s.speed || 1;
  $("#s-speed-out").textContent = `${Number($("#s-speed").value).toFixed(2)}×`;
  $("#s-fit").value = s.fit || "";
}

async function openJob(id) {
  showError("");
  try {
    const job = await api("GET", `/api/jobs/${id}`);
    applySettings(job.settings || {});
    $("#stories").replaceChildren();
    state.fromJob = null;
    const editable = job.stories.every((s) => s.editable || s.url);
    if (editable) {
      for (const [n, s] of job.stories.entries()) {
        const node = addStory("");
        if (s.url) {
          $('.tab[data-mode="url"]', node).click();
          $(".story-url", node).value = s.url;
        } else {
          $(".story-text", node).value = (await api("GET", `/api/jobs/${id}/stories/${n}`)).text;
        }
      }
    } else {
      state.fromJob = id; // uploaded files: the job's own inputs are used again
    }
    await understand(false);
    state.edits = job.stories.map((s, i) => ({
      title: s.title || state.edits[i]?.title || "",
      byline: s.byline ?? state.edits[i]?.byline ?? "",
      read_dropped: new Set(s.read_dropped || []),
    }));
    await understand(true);
    drawJob(job);
    window.scrollTo(0, 0);
  } catch (e) {
    showError(e.message);
  }
}

async function rerender(id) {
  try {
    const answer = await api("POST", "/api/jobs", { from_job: id, user: $("#user").value.trim() });
    $("#step4").hidden = false;
    follow(answer.id);
    loadHistory();
  } catch (e) {
    showError(e.message);
  }
}

async function removeJob(id) {
  if (!window.confirm(T.confirm_delete)) return;
  try {
    await api("DELETE", `/api/jobs/${id}`);
    if (state.job === id) $("#job").hidden = true;
    loadHistory();
  } catch (e) {
    showError(e.message);
  }
}

// ------------------------------------------------------------------ engines
function fillVoices() {
  const spec = state.engines.find((e) => e.name === $("#s-engine").value);
  const voice = $("#s-voice");
  voice.replaceChildren(...(spec ? spec.voices : []).map((v) => el("option", { value: v, text: v })));
}

async function loadEngines() {
  try {
    state.engines = (await api("GET", "/api/engines")).engines;
  } catch (e) {
    return showError(e.message);
  }
  const select = $("#s-engine");
  for (const e of state.engines) {
    const label = e.unusable ? `${e.name} (${e.unusable})` : e.name;
    select.append(el("option", { value: e.name, disabled: Boolean(e.unusable), text: label }));
  }
  const first = state.engines.find((e) => e.name === "espeak" && !e.unusable) || state.engines.find((e) => !e.unusable);
  if (first) select.value = first.name;
  fillVoices();
}

// ------------------------------------------------------------------ start
document.addEventListener("DOMContentLoaded", () => {
  $("#user").value = localStorage.getItem("audionews-user") || "";
  $("#user").addEventListener("change", () => localStorage.setItem("audionews-user", $("#user").value.trim()));
  addStory();
  $("#add-story").addEventListener("click", () => addStory());
  $("#understand").addEventListener("click", () => understand(false));
  $("#render").addEventListener("click", render);
  $("#s-engine").addEventListener("change", () => { fillVoices(); understandSoon(); });
  $("#s-speed").addEventListener("input", () => {
    $("#s-speed-out").textContent = `${Number($("#s-speed").value).toFixed(2)}×`;
  });
  for (const b of $$("#selection-tools button")) b.addEventListener("mousedown", (ev) => ev.preventDefault());
  $("#hear-selection").addEventListener("click", () => hear(selectedText()));
  $("#add-pron").addEventListener("click", () => {
    $("#lex-written").value = selectedText().replace(/[.,;:!?…"“”()]+$/u, "");
    $("#lexicon-box").open = true;
    $("#lex-spoken").focus();
  });
  $("#lexicon-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    saveLexicon($("#lex-written").value.trim(), $("#lex-spoken").value.trim());
    $("#lex-spoken").value = "";
  });
  const logout = $("#logout");
  if (logout) {
    logout.addEventListener("submit", async (ev) => {
      ev.preventDefault(); // with the CSRF token, like every other change
      await fetch("/logout", { method: "POST", headers: { "X-CSRF-Token": CSRF } });
      window.location.href = "/login";
    });
  }
  loadEngines();
  loadLexicon();
  loadHistory();
});
