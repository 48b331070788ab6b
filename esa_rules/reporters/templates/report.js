(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var form = document.querySelector("form.filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var shown = document.getElementById("shown-count");

  function checked(name) {
    var values = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      values[box.value] = box.checked;
    });
    return values;
  }

  function applyFilters() {
    if (!form) { return; }
    var statuses = checked("status");
    var severities = checked("severity");
    var topic = form.querySelector('select[name="topic"]').value;
    var visible = 0;
    findings.forEach(function (item) {
      var show = statuses[item.dataset.status] !== false &&
        severities[item.dataset.severity] !== false &&
        (topic === "" || item.dataset.topic === topic);
      item.hidden = !show;
      if (show) { visible += 1; }
    });
    document.querySelectorAll("details.satisfied-fold").forEach(function (fold) {
      fold.hidden = !fold.querySelector("article.finding:not([hidden])");
    });
    document.querySelectorAll("section.document").forEach(function (section) {
      var any = section.querySelector("article.finding:not([hidden])");
      section.querySelector(".none-shown").hidden = Boolean(any);
    });
    if (shown) { shown.textContent = "Showing " + visible + " of " + findings.length + " findings"; }
  }

  function copyText(button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source) { return; }
    var text = source.textContent.trim();
    function done(ok) {
      var label = button.textContent;
      button.textContent = ok ? "Copied" : "Select and copy";
      window.setTimeout(function () { button.textContent = label; }, 1600);
    }
    function fallback() {
      // Pages opened from a file share may not get the async clipboard: select the text instead.
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  // A link to a satisfied finding (from the matrix, or a shared URL) opens the fold that holds it.
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var fold = target.closest("details");
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", revealTarget);
  revealTarget();
  // Printed, the report shows everything: a closed fold would drop its findings from the paper.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.fold").forEach(function (fold) { fold.open = true; });
  });

  if (form) {
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    applyFilters();
  }
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () { copyText(button); });
  });
}());
