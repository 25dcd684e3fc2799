// The customer status page: posts the query code and the mobile's last four digits to the public endpoint
// and shows the order's stage and applications. Text is set with textContent only, never as HTML.
(function () {
  'use strict';
  var form = document.getElementById('lookup');
  var codeInput = document.getElementById('code');
  var digitsInput = document.getElementById('lastFour');
  var button = document.getElementById('submit');
  var message = document.getElementById('message');
  var result = document.getElementById('result');

  // A link from the sales person carries the code in the fragment, which browsers never send to a server.
  var match = /(?:^#|&)code=([^&]+)/.exec(window.location.hash);
  if (match) {
    codeInput.value = decodeURIComponent(match[1]);
    history.replaceState(null, '', window.location.pathname);
    digitsInput.focus();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showMessage(text) {
    message.textContent = text;
    message.hidden = false;
  }

  function render(data) {
    document.getElementById('stage').textContent = data.stage;
    document.getElementById('progress-text').textContent = data.progress + '%';
    document.getElementById('progress').value = data.progress;
    var stages = document.getElementById('stages');
    stages.replaceChildren();
    data.stages.forEach(function (s) { stages.appendChild(el('li', s.reached ? 'reached' : '', s.name)); });
    var list = document.getElementById('applications');
    list.replaceChildren();
    document.getElementById('no-applications').hidden = data.applications.length > 0;
    data.applications.forEach(function (a) {
      var item = el('li');
      item.appendChild(el('span', 'app-status', a.statusLabel));
      item.appendChild(el('div', 'app-name', a.productName + '（' + a.institution + '）'));
      var dates = [];
      if (a.appliedOn) dates.push('申请 ' + a.appliedOn);
      if (a.decidedOn) dates.push('审批 ' + a.decidedOn);
      if (a.disbursedOn) dates.push('放款 ' + a.disbursedOn);
      dates.push('更新 ' + a.updatedOn);
      item.appendChild(el('div', 'app-dates', dates.join(' · ')));
      list.appendChild(item);
    });
    result.hidden = false;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.hidden = true;
    var code = codeInput.value.trim();
    var lastFour = digitsInput.value.trim();
    if (!code) return showMessage('请输入查询码');
    if (!/^\d{4}$/.test(lastFour)) return showMessage('请输入手机号后四位数字');
    button.disabled = true;
    fetch('/api/v1/public/order-status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ code: code, lastFour: lastFour }),
    })
      .then(function (res) {
        return res.json().then(function (body) { return { ok: res.ok, body: body }; });
      })
      .then(function (r) {
        if (r.ok) render(r.body);
        else { result.hidden = true; showMessage(r.body.detail || '查询失败，请稍后再试'); }
      })
      .catch(function () { showMessage('网络异常，请稍后再试'); })
      .then(function () { button.disabled = false; });
  });
})();
