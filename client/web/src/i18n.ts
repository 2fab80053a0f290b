// English and Chinese UI text. The choice is kept in localStorage; the first visit follows the browser.
const en = {
  signIn: "Sign in", tenant: "Tenant", userName: "User name", password: "Password", signOut: "Sign out",
  timeline: "Timeline", albums: "Albums", search: "Search", duplicates: "Duplicates", admin: "Admin", upload: "Upload",
  dropHere: "Drop photos here, or", choose: "choose files", created: "new", duplicate: "already there", refused: "refused",
  noImages: "No images yet — upload some.", undated: "Undated", select: "Select", cancel: "Cancel", selected: "selected",
  addTag: "Add tag", addToAlbum: "Add to album", rate: "Rate", trash: "Move to trash", tags: "Tags", comments: "Comments",
  comment: "Write a comment", send: "Send", similar: "Similar", text: "Text in the image", metadata: "Details", map: "Map",
  share: "Share", shareLink: "Share link", allowDownload: "Allow downloading originals", includeLocation: "Include location",
  expires: "Expires in days (empty: never)", create: "Create", copy: "Copy", newAlbum: "New album", name: "Name",
  keep: "Keep", stack: "Stack the others", dismiss: "Not duplicates", trashOthers: "Trash the others", noDuplicates: "No duplicates to review.",
  users: "Users", keys: "API keys", usage: "Usage", audit: "Audit log", jobs: "Analysis", role: "Role", scopes: "Scopes",
  images: "images", bytes: "bytes", reanalyse: "Re-analyse all", results: "results", filters: "Filters", places: "Places", camera: "Camera", year: "Year", colour: "Colour",
  back: "Back", download: "Download", language: "中文", secret: "Copy this secret now; it is not shown again:",
};
type Strings = typeof en;
const zh: Strings = {
  signIn: "登录", tenant: "租户", userName: "用户名", password: "密码", signOut: "退出",
  timeline: "时间线", albums: "相册", search: "搜索", duplicates: "重复项", admin: "管理", upload: "上传",
  dropHere: "把照片拖到这里，或", choose: "选择文件", created: "新增", duplicate: "已存在", refused: "被拒绝",
  noImages: "还没有图片——上传一些吧。", undated: "无日期", select: "选择", cancel: "取消", selected: "已选",
  addTag: "添加标签", addToAlbum: "加入相册", rate: "评分", trash: "移到回收站", tags: "标签", comments: "评论",
  comment: "写评论", send: "发送", similar: "相似图片", text: "图中文字", metadata: "详情", map: "地图",
  share: "分享", shareLink: "分享链接", allowDownload: "允许下载原图", includeLocation: "包含位置",
  expires: "有效天数（留空：永久）", create: "创建", copy: "复制", newAlbum: "新相册", name: "名称",
  keep: "保留", stack: "叠放其余", dismiss: "不是重复", trashOthers: "删除其余", noDuplicates: "没有待处理的重复项。",
  users: "用户", keys: "API 密钥", usage: "用量", audit: "审计日志", jobs: "分析", role: "角色", scopes: "权限",
  images: "张图片", bytes: "字节", reanalyse: "全部重新分析", results: "个结果", filters: "筛选", places: "地点", camera: "相机", year: "年份", colour: "颜色",
  back: "返回", download: "下载", language: "English", secret: "请立即复制此密钥，之后不再显示：",
};

let current: Strings = (localStorage.getItem("iv.lang") ?? (navigator.language.startsWith("zh") ? "zh" : "en")) === "zh" ? zh : en;

export const t = (key: keyof Strings): string => current[key];
export const isChinese = () => current === zh;
export function toggleLanguage() {
  current = current === zh ? en : zh;
  localStorage.setItem("iv.lang", current === zh ? "zh" : "en");
  document.documentElement.lang = current === zh ? "zh" : "en";
}
