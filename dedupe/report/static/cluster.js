// The "hide minor edits" switch: a class on <body> that the stylesheet acts on.
(function () {
  "use strict";
  var box = document.getElementById("hide-minor");
  if (!box) return;
  function apply() { document.body.classList.toggle("hide-minor", box.checked); }
  box.addEventListener("change", apply);
  document.getElementById("minor-control").hidden = false;
  apply();  // the browser may restore the box's state when going back to the page
}());
