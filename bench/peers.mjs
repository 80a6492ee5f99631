// The peers' sites for one generated corpus, built from OUT/corpus.json:
//   OUT/minisearch-site/  MiniSearch (npm) indexing the corpus in the page
//   OUT/pagefind-site/    one HTML page per article, indexed by Pagefind (npm)
// Both pages are deliberately minimal but fair: a search box (#search), the
// top 20 results as `ol.article-list > li` with title + snippet, a count in
// `.summary .count`, the query in the URL hash (`#/?q=…`) answered on load.
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const TOOLS = resolve(HERE, "../tools/node_modules");
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const STYLE = `body{font:15px/1.4 system-ui,sans-serif;margin:1rem auto;max-width:60rem}
#search{width:100%;font-size:1.1rem;padding:.4rem}ol.article-list{padding-left:1.5rem}
ol.article-list li{margin:.6rem 0}.snippet{color:#444;font-size:.9rem}mark{background:#ff6}`;

const PAGE = (title, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main><input id="search" type="search" placeholder="Search" aria-label="Search" autocomplete="off">
<p class="summary"><span class="count"></span></p><ol class="article-list"></ol><article id="reader" hidden></article></main>
${script}</body></html>
`;

// Shared by both pages: the query from/to the hash, stale-answer guard.
const COMMON = String.raw`
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c];});}
function hashQuery(){var m=location.hash.match(/[?&]q=([^&]*)/);return m?decodeURIComponent(m[1].replace(/\+/g," ")):"";}
`;

/** MiniSearch: fetches corpus.json, indexes title + body, answers as you type. */
const MINISEARCH_APP = COMMON + String.raw`
var box=document.getElementById("search"),list=document.querySelector("ol.article-list"),
    count=document.querySelector(".summary .count"),reader=document.getElementById("reader");
var byId=new Map(),docs=[],ms;
function fold(t){return t.normalize("NFKD").replace(/\p{M}/gu,"").replace(/ı/g,"i").toLowerCase();}
function snippet(body,terms){
  var low=fold(body),at=-1;
  for(var i=0;i<terms.length&&at<0;i++){at=low.indexOf(terms[i]);}
  if(at<0)at=0;var s=Math.max(0,at-80),e=Math.min(body.length,at+120);
  var text=esc(body.slice(s,e));
  terms.forEach(function(t){if(t.length>1)text=text.replace(new RegExp("("+t.replace(/[.*+?^$()|[\]\\{}]/g,"\\$&")+"[\\w]*)","gi"),"<mark>$1</mark>");});
  return (s>0?"…":"")+text+(e<body.length?"…":"");
}
function render(q){
  var hits,terms=[];
  if(q.trim()){hits=ms.search(q);hits.forEach(function(h){h.terms.forEach(function(t){if(terms.indexOf(t)<0)terms.push(t);});});}
  else{hits=docs;}
  count.textContent=hits.length+" articles";
  var html="";
  for(var i=0;i<hits.length&&i<20;i++){var d=byId.get(hits[i].id);
    html+='<li><a href="#/article/'+d.id+'">'+esc(d.title)+'</a> <small>'+esc(d.outlet)+" · "+d.date+'</small><div class="snippet">'+snippet(d.body,terms)+"</div></li>";}
  list.innerHTML=html;
}
function route(){
  var m=location.hash.match(/^#\/article\/([^?]+)/);
  if(m&&byId.has(m[1])){var d=byId.get(m[1]);
    reader.innerHTML="<h1>"+esc(d.title)+"</h1><p>"+esc(d.outlet)+" · "+d.date+"</p>"+d.body.split("\n\n").map(function(p){return "<p>"+esc(p)+"</p>";}).join("");
    reader.hidden=false;list.hidden=true;return;}
  reader.hidden=true;reader.innerHTML="";list.hidden=false;
}
fetch("corpus.json").then(function(r){return r.json();}).then(function(all){
  docs=all;all.forEach(function(d){byId.set(d.id,d);});
  ms=new MiniSearch({fields:["title","body"],storeFields:[],processTerm:function(t){var f=fold(t);return f.length?f:null;},
    searchOptions:{prefix:true,combineWith:"AND",boost:{title:2}}});
  ms.addAll(all);
  var q=hashQuery();box.value=q;render(q);route();
  box.addEventListener("input",function(){render(box.value);});
  window.addEventListener("hashchange",route);
});
`;

/** Pagefind: its JS API (no debounce), top 20 results' data for title + excerpt. */
const PAGEFIND_APP = COMMON + String.raw`
var box=document.getElementById("search"),list=document.querySelector("ol.article-list"),
    count=document.querySelector(".summary .count"),latest=0,pf;
function render(q){
  var mine=++latest;
  pf.search(q.trim()?q:null).then(function(s){
    if(mine!==latest)return;
    return Promise.all(s.results.slice(0,20).map(function(r){return r.data();})).then(function(data){
      if(mine!==latest)return;
      count.textContent=s.results.length+" articles";
      list.innerHTML=data.map(function(d){return '<li><a href="'+d.url+'">'+esc(d.meta.title||"")+'</a><div class="snippet">'+d.excerpt+"</div></li>";}).join("");
    });
  });
}
import("./pagefind/pagefind.js").then(function(m){pf=m;return pf.init();}).then(function(){
  var q=hashQuery();box.value=q;render(q);
  box.addEventListener("input",function(){render(box.value);});
});
`;

function fresh(dir) {
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  mkdirSync(dir, { recursive: true });
}

export function buildMinisearchSite(out) {
  const site = join(out, "minisearch-site");
  fresh(site);
  copyFileSync(join(TOOLS, "minisearch/dist/umd/index.js"), join(site, "minisearch.js"));
  try {
    linkSync(join(out, "corpus.json"), join(site, "corpus.json"));
  } catch {
    copyFileSync(join(out, "corpus.json"), join(site, "corpus.json"));
  }
  writeFileSync(join(site, "app.js"), MINISEARCH_APP);
  writeFileSync(join(site, "index.html"), PAGE("MiniSearch peer", '<script src="minisearch.js"></script><script src="app.js"></script>'));
  return site;
}

export function buildPagefindSite(out) {
  const site = join(out, "pagefind-site");
  fresh(site);
  const corpus = JSON.parse(readFileSync(join(out, "corpus.json"), "utf8"));
  let shard = "";
  for (const a of corpus) {
    const dir = join(site, "a", a.id.slice(0, 4));
    if (dir !== shard) mkdirSync((shard = dir), { recursive: true });
    const body = a.body.split("\n\n").map((p) => `<p>${esc(p)}</p>`).join("\n");
    writeFileSync(join(dir, `${a.id}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)}</title></head>
<body><main data-pagefind-body><h1>${esc(a.title)}</h1>
<p data-pagefind-ignore><span data-pagefind-filter="outlet">${esc(a.outlet)}</span> · <time>${a.date}</time></p>
${body}</main></body></html>
`);
  }
  writeFileSync(join(site, "app.js"), PAGEFIND_APP);
  writeFileSync(join(site, "index.html"), PAGE("Pagefind peer", '<script src="app.js"></script>'));
  const t = Date.now();
  execFileSync(join(TOOLS, ".bin/pagefind"), ["--site", site, "--output-subdir", "pagefind", "--quiet"], { stdio: "inherit" });
  return { site, indexSeconds: (Date.now() - t) / 1000 };
}
