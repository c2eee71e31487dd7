/* Jivo widget module "departments" (T4, B6). On a site with several departments the visitor may
 * pick one before writing (the relay routes the chat to its agents first). B6: when the agent
 * went offline and the chat went back to the queue, it says another agent will come. */
window['jivo_departments']((api) => {
  var S = {
    en: { pick: 'Who would you like to talk to?', picked: 'Department: {name}', requeued: 'Your agent is no longer available. Another agent will be with you shortly.' },
    es: { pick: '¿Con quién desea hablar?', picked: 'Departamento: {name}', requeued: 'Su agente ya no está disponible. Otro agente le atenderá en breve.' },
    pt: { pick: 'Com quem você gostaria de falar?', picked: 'Departamento: {name}', requeued: 'Seu agente não está mais disponível. Outro agente vai atendê-lo em breve.' },
    ru: { pick: 'С кем вы хотите поговорить?', picked: 'Отдел: {name}', requeued: 'Ваш оператор больше недоступен. Другой оператор скоро ответит вам.' }
  };
  var L = S[api.lang] || S.en;
  var cur = null;
  api.shell.appendChild(api.h('style', null, null, [
    '.dep{display:flex;flex-wrap:wrap;gap:6px;justify-content:center;margin:6px 0}' +
    '.dep p{width:100%;margin:0;text-align:center;font-size:13px;color:#5f6b66}' +
    '.dep button{border:1px solid #1f7a5c;background:#fff;color:#1f7a5c;border-radius:14px;padding:4px 12px;cursor:pointer;font:inherit;font-size:13px}' +
    '.dep button:hover{background:#e7f3ee}'
  ]));

  function say(text) { return api.h('div', 'sys', { 'data-testid': 'department-picked' }, [text]); }

  return {
    frame(f) {
      if (cur) { cur.remove(); cur = null; }
      var deps = Array.isArray(f.departments) ? f.departments : [];
      var open = f.chat && (f.chat.state === 'offered' || f.chat.state === 'active');
      if (deps.length < 2 || open || f.department_id != null) return;
      var row = api.h('div', 'dep', { 'data-testid': 'departments' }, [api.h('p', null, null, [L.pick])]);
      deps.forEach((d) => {
        var b = api.h('button', null, { type: 'button', 'data-testid': 'department', 'data-department': String(d.id) }, [String(d.name)]);
        b.addEventListener('click', () => {
          if (!api.request({ type: 'choose_department', department_id: d.id })) return;
          var done = say(L.picked.replace('{name}', () => String(d.name)));
          row.replaceWith(done);
          cur = done;
          api.input.focus();
        });
        row.appendChild(b);
      });
      cur = row;
      api.list.appendChild(row);
      api.scrollDown();
    },
    event(ev) {
      if (ev.kind !== 'requeued') return;
      var row = api.h('div', 'sys', { 'data-testid': 'system', 'data-kind': 'requeued', 'data-cursor': String(ev.cursor) }, [L.requeued]);
      api.place(row);
    }
  };
});
