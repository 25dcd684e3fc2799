export default {
  columns: '列设置',
  columnsOf: '{caption}：显示的列',
  sort: '排序',
  unsorted: '默认顺序',
  asc: '{label} 从小到大',
  desc: '{label} 从大到小',
};
