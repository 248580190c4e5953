(function () {
  var root = document.currentScript ? document.currentScript.parentNode : document.body;
  var tip = root.querySelector('.tooltip');
  function show(e, text) {
    tip.textContent = text; tip.hidden = false;
    tip.style.left = (e.clientX + 12) + 'px'; tip.style.top = (e.clientY + 12) + 'px';
  }
  function hide() { tip.hidden = true; }
  function svgPoint(svg, e) {
    var r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    return { x: (e.clientX - r.left) * vb.width / r.width, y: (e.clientY - r.top) * vb.height / r.height };
  }
  root.querySelectorAll('g.hover').forEach(function (g) {
    var bins = g.getAttribute('data-bins').split(';').map(function (b) { return b.split(','); });
    var x0 = +g.getAttribute('data-x0'), x1 = +g.getAttribute('data-x1');
    var lo = +g.getAttribute('data-lo'), hi = +g.getAttribute('data-hi');
    g.addEventListener('mousemove', function (e) {
      var p = svgPoint(g.ownerSVGElement, e);
      var value = lo + (p.x - x0) / (x1 - x0) * (hi - lo);
      for (var i = 0; i < bins.length; i++) {
        if (p.x <= +bins[i][0]) {
          show(e, 'x = ' + value.toPrecision(4) + ': ' + bins[i][1]); return;
        }
      }
      hide();
    });
    g.addEventListener('mouseleave', hide);
  });
  root.querySelectorAll('g.heatmap').forEach(function (g) {
    var cols = +g.getAttribute('data-cols'), rows = +g.getAttribute('data-rows');
    var cells = g.getAttribute('data-cells').split(','), xl = g.getAttribute('data-xlabels').split('|');
    var yl = g.getAttribute('data-ylabels').split('|');
    var x0 = +g.getAttribute('data-x0'), y0 = +g.getAttribute('data-y0');
    var w = +g.getAttribute('data-w'), h = +g.getAttribute('data-h');
    g.addEventListener('mousemove', function (e) {
      var p = svgPoint(g.ownerSVGElement, e);
      var c = Math.floor((p.x - x0) / w * cols), r = rows - 1 - Math.floor((p.y - y0) / h * rows);
      if (c < 0 || c >= cols || r < 0 || r >= rows) { hide(); return; }
      show(e, xl[c] + ', ' + yl[r] + ': ' + cells[r * cols + c]);
    });
    g.addEventListener('mouseleave', hide);
  });
  root.querySelectorAll('.picker select').forEach(function (select) {
    select.addEventListener('change', function () {
      select.closest('section').querySelectorAll('.panel').forEach(function (p) {
        p.style.display = select.value === 'all' || select.value === p.id ? '' : 'none';
      });
    });
  });
})();
