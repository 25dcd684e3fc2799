// The list editor's words (所需材料, 客户来源, 常用语 …).
export default {
  nth: '{label}第{n}项',
  up: '上移「{item}」',
  down: '下移「{item}」',
  remove: '删除「{item}」',
  new: '新增{label}',
  newPlaceholder: '输入后点“添加”',
  add: '添加',
};
