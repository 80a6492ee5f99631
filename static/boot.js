// Starts the explorer from classic scripts only, so the same site works from
// a folder opened by double-click (file://) and over http. The wasm bytes
// arrive as base64 in a classic script (window.__dossierWasm) because a page
// opened from disk cannot fetch files.
(function () {
  "use strict";
  function fail(message) {
    var banner = document.getElementById("fatal");
    if (banner) {
      banner.textContent = message;
      banner.hidden = false;
    }
    var loading = document.querySelector("#app .loading");
    if (loading) loading.hidden = true;
  }
  function decode(base64) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  function start() {
    if (typeof wasm_bindgen !== "function" || typeof window.__dossierWasm !== "string") {
      fail("The explorer's program files did not load. Keep the site's files together in one folder and open index.html again.");
      return;
    }
    var bytes = decode(window.__dossierWasm);
    window.__dossierWasm = null;
    wasm_bindgen({ module_or_path: bytes }).catch(function (err) {
      fail("The explorer could not start in this browser: " + err);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
