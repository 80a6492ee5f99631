// Chooses the light or dark theme before the first paint: the reader's
// choice if they made one (the ◐ button stores it), else the system's.
// A classic script in <head>, so the page never flashes the other theme.
(function () {
  "use strict";
  var theme = null;
  try {
    theme = window.localStorage.getItem("dossier-theme");
  } catch (e) {
    // Storage can be off (privacy settings, some file:// pages): follow the system.
  }
  if (theme !== "dark" && theme !== "light") {
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    theme = dark ? "dark" : "light";
  }
  document.documentElement.setAttribute("data-theme", theme);
})();
