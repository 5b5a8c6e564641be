// Hovering or focusing a marked span shows its speaker and stance in one small tooltip, and
// outlines every piece of the same attribution. The title attribute says the same without JS.
(function () {
  var tip = document.getElementById("tip");
  if (!tip) return;
  function pieces(mark) {
    return document.querySelectorAll('.mark[data-attribution="' + mark.dataset.attribution + '"]');
  }
  function show(event) {
    var mark = event.target.closest && event.target.closest(".mark[data-tip]");
    if (!mark) return;
    hide();
    tip.textContent = mark.dataset.tip;
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.max(4, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + box.bottom + 4) + "px";
    pieces(mark).forEach(function (p) { p.classList.add("active"); });
    mark.setAttribute("aria-describedby", "tip");
  }
  function hide() {
    tip.hidden = true;
    document.querySelectorAll(".mark.active").forEach(function (p) { p.classList.remove("active"); });
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  document.addEventListener("mouseout", function (e) { if (e.target.closest && e.target.closest(".mark")) hide(); });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
