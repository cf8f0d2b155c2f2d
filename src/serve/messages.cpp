#include "serve/messages.h"

#include <map>
#include <stdexcept>
#include <string>

namespace patsub::serve {

namespace {

struct Text {
    std::string zh;
    std::string en;
};

const std::map<std::string, Text, std::less<>>& catalog() {
    static const std::map<std::string, Text, std::less<>> c{
        {"app.title", {"专利资助工作台", "Patent subsidy workbench"}},
        {"lang.toggle", {"English", "中文"}},
        {"nav.batches", {"批次", "Batches"}},
        {"nav.summary", {"预算汇总", "Budget summary"}},
        {"nav.verify", {"核验账本", "Verify ledger"}},
        {"nav.users", {"用户管理", "Users"}},
        {"nav.logout", {"退出登录", "Log out"}},
        {"login.title", {"登录", "Log in"}},
        {"login.name", {"用户名", "User name"}},
        {"login.password", {"密码", "Password"}},
        {"login.submit", {"登录", "Log in"}},
        {"login.failed", {"用户名或密码错误。", "Wrong user name or password."}},
        {"login.locked", {"连续5次登录失败，账户已锁定15分钟。", "Five failed logins: the account is locked for 15 minutes."}},
        {"login.disabled", {"该账户已停用。", "This account is disabled."}},
        {"role.reviewer", {"审核员", "reviewer"}},
        {"role.approver", {"审批人", "approver"}},
        {"role.auditor", {"审计员", "auditor"}},
        {"role.admin", {"管理员", "admin"}},
        {"role.script", {"命令行", "command line"}},
        {"batches.title", {"批次列表", "Batches"}},
        {"batch.title", {"批次", "Batch"}},
        {"batch.started", {"运行时间", "Run at"}},
        {"batch.as_of", {"基准日", "As of"}},
        {"batch.lines", {"条目", "Lines"}},
        {"batch.payable_total", {"应付合计（元）", "Payable total (CNY)"}},
        {"batch.state", {"状态", "State"}},
        {"batch.approved", {"已审批", "approved"}},
        {"batch.reviewed", {"已审核", "reviewed"}},
        {"batch.open", {"待审核", "open"}},
        {"batch.approved_by", {"审批人", "Approved by"}},
        {"batch.reviewed_by", {"审核人", "Reviewed by"}},
        {"batch.mark_reviewed", {"标记为已审核", "Mark reviewed"}},
        {"batch.approve", {"审批通过并生成国库文件", "Approve and write the treasury files"}},
        {"batch.publish", {"发布公示", "Publish the notice"}},
        {"notice.period", {"公示期：{} 至 {}", "Notice period: {} to {}"}},
        {"why.not_reviewed_publish", {"本批次尚未标记为已审核，不能发布公示。", "This batch is not marked reviewed yet: its notice cannot be published."}},
        {"done.published", {"批次 {} 的公示已发布。", "The notice of batch {} is published."}},
        {"batch.downloads", {"下载", "Downloads"}},
        {"batch.unknown", {"没有这个批次。", "There is no such batch."}},
        {"filter.status", {"状态", "Status"}},
        {"filter.clause", {"条款", "Clause"}},
        {"filter.district", {"区县", "District"}},
        {"filter.reason", {"原因", "Reason"}},
        {"filter.text", {"专利号、申请号、企业名称或信用代码", "Patent or application number, company name or credit code"}},
        {"filter.any", {"全部", "any"}},
        {"filter.apply", {"筛选", "Filter"}},
        {"filter.sort", {"排序", "Sort"}},
        {"sort.line", {"条目号", "line"}},
        {"sort.amount_desc", {"金额从高到低", "amount, highest first"}},
        {"sort.amount_asc", {"金额从低到高", "amount, lowest first"}},
        {"sort.clause", {"条款", "clause"}},
        {"sort.status", {"状态", "status"}},
        {"page.prev", {"上一页", "Previous"}},
        {"page.next", {"下一页", "Next"}},
        {"page.of", {"共 {} 条，第 {} 页", "{} lines, page {}"}},
        {"page.none", {"没有符合条件的条目。", "No line matches."}},
        {"col.line", {"条目", "Line"}},
        {"col.grant", {"专利", "Patent"}},
        {"col.payee", {"收款单位", "Payee"}},
        {"col.clause", {"条款", "Clause"}},
        {"col.status", {"状态", "Status"}},
        {"col.amount", {"金额（元）", "Amount (CNY)"}},
        {"col.reason", {"原因", "Reason"}},
        {"col.hold", {"人工暂缓", "Staff hold"}},
        {"col.batch", {"批次", "Batch"}},
        {"line.title", {"条目", "Line"}},
        {"line.unknown", {"没有这个条目。", "There is no such line."}},
        {"line.facts", {"事实", "Facts"}},
        {"line.title_of_patent", {"专利名称", "Title"}},
        {"line.application", {"申请号", "Application number"}},
        {"line.type", {"专利类型", "Patent type"}},
        {"line.jurisdiction", {"地域", "Jurisdiction"}},
        {"line.policy", {"政策版本", "Policy version"}},
        {"line.clause_text", {"条款原文", "The clause"}},
        {"line.checks", {"逐项核查", "Each check"}},
        {"line.check_holds", {"符合", "holds"}},
        {"line.check_fails", {"不符合", "fails"}},
        {"line.evidence_note", {"依据为运行时记录的原文。", "Evidence as the run recorded it."}},
        {"line.family", {"同族与资助名额", "Family and cap slots"}},
        {"line.family_id", {"同族", "Family"}},
        {"line.funded", {"已资助地域", "Funded jurisdictions"}},
        {"line.slots_left", {"剩余名额", "Slots left"}},
        {"line.hash", {"条目哈希", "Line hash"}},
        {"line.created", {"记录时间", "Recorded at"}},
        {"line.hold", {"暂缓支付", "Hold"}},
        {"line.hold_why", {"暂缓原因", "Why"}},
        {"line.release", {"解除暂缓", "Release"}},
        {"line.held_by", {"已被 {} 暂缓：{}", "Held by {}: {}"}},
        {"line.annotate", {"添加备注", "Add a note"}},
        {"line.notes", {"备注", "Notes"}},
        {"company.title", {"企业", "Company"}},
        {"company.unknown", {"没有这个企业。", "There is no such company."}},
        {"company.aliases", {"别名", "Aliases"}},
        {"company.credit_code", {"统一社会信用代码", "Credit code"}},
        {"company.lines", {"历次条目（最近500条）", "Lines across batches (latest 500)"}},
        {"summary.title", {"预算汇总", "Budget summary"}},
        {"summary.from", {"起始日", "From"}},
        {"summary.to", {"截止日", "To"}},
        {"summary.by_clause", {"按条款", "By clause"}},
        {"summary.by_district", {"按区县", "By district"}},
        {"summary.by_month", {"按月份", "By month"}},
        {"summary.by_status", {"按状态", "By status"}},
        {"summary.bad_dates", {"日期格式应为 YYYY-MM-DD。", "Dates are YYYY-MM-DD."}},
        {"verify.title", {"账本核验", "Ledger verification"}},
        {"verify.ok", {"账本完好：哈希链、事件链与各项不变量均通过核验。", "The ledger holds: line chain, event chain and every invariant check out."}},
        {"verify.breaches", {"发现以下问题：", "Breaches found:"}},
        {"users.title", {"用户管理", "Users"}},
        {"users.add", {"添加用户", "Add user"}},
        {"users.disable", {"停用", "Disable"}},
        {"users.disabled", {"已停用", "disabled"}},
        {"users.active", {"在用", "active"}},
        {"users.role", {"角色", "Role"}},
        {"users.name", {"用户名", "Name"}},
        {"users.password", {"初始密码（至少10位）", "Initial password (10 characters or more)"}},
        {"why.missing_role", {"您的角色（{}）不能执行此操作。", "Your role ({}) may not do this."}},
        {"why.approved", {"本批次已于 {1} 由 {0} 审批，不能再更改。", "This batch was approved by {0} at {1}: nothing can change now."}},
        {"why.not_reviewed", {"本批次尚未标记为已审核，不能审批。", "This batch is not marked reviewed yet: it cannot be approved."}},
        {"why.two_persons", {"您审核过本批次或暂缓/解除过其中条目，须由另一位审批人审批。", "You reviewed this batch or held or released one of its lines: another approver must approve it."}},
        {"why.not_payable", {"只有应付条目可以暂缓。", "Only a payable line can be held."}},
        {"why.not_held", {"该条目没有人工暂缓。", "This line is not held by staff."}},
        {"err.title", {"操作未完成", "Not done"}},
        {"err.nothing_changed", {"账本未作任何更改。", "Nothing was changed in the ledger."}},
        {"err.csrf", {"表单已过期或来源不明（缺少或错误的CSRF令牌），请刷新页面后重试。", "The form is stale or from elsewhere (missing or wrong CSRF token): reload the page and try again."}},
        {"err.forbidden", {"您的角色无权访问此页面。", "Your role may not open this page."}},
        {"err.not_found", {"页面不存在。", "No such page."}},
        {"err.bad_form", {"表单内容不完整或格式错误：{}", "The form is incomplete or malformed: {}"}},
        {"err.busy", {"夜间批处理正在运行，请稍后再试。", "The nightly batch is running: try again later."}},
        {"err.refused", {"操作被拒绝：{}", "Refused: {}"}},
        {"err.bad_download", {"没有这个下载文件。", "There is no such download."}},
        {"err.login_needed", {"请先登录。", "Please log in."}},
        {"done.hold", {"已暂缓条目 {}。", "Line {} held."}},
        {"done.release", {"已解除条目 {} 的暂缓。", "Line {} released."}},
        {"done.reviewed", {"批次 {} 已标记为已审核。", "Batch {} marked reviewed."}},
        {"done.approved", {"批次 {} 已审批，国库文件已生成。", "Batch {} approved; the treasury files are written."}},
        {"done.note", {"备注已保存。", "Note saved."}},
        {"done.user", {"用户已保存。", "User saved."}},
        {"check.Kunming payee", {"昆明收款单位", "Kunming payee"}},
        {"check.clause covers the type", {"条款适用于该专利类型", "clause covers the type"}},
        {"check.clause covers the award", {"条款适用于该认定", "clause covers the award"}},
        {"check.granted by the run's day", {"于基准日前已授权", "granted by the run's day"}},
        {"check.is a grant", {"属于授权公告", "is a grant"}},
        {"check.known kind code", {"文献种类代码可识别", "known kind code"}},
        {"check.no_dispute", {"无权属纠纷", "no dispute"}},
        {"check.not paid before", {"此前未按本条资助", "not paid before"}},
        {"check.not awarded before", {"此前未获该奖励", "not awarded before"}},
        {"check.not_abnormal", {"不属于非正常专利申请", "not an abnormal application"}},
        {"check.one patent, one kind", {"一件专利只按一种类型资助", "one patent, one kind"}},
        {"check.policy in force", {"政策在有效期内", "policy in force"}},
        {"check.paid", {"已资助", "paid"}},
        {"check.recognition", {"企业认定", "recognition"}},
        {"check.family cap", {"同族资助上限", "family cap"}},
        {"type.invention", {"发明", "invention"}},
        {"type.utility_model", {"实用新型", "utility model"}},
        {"type.design", {"外观设计", "design"}},
        {"type.other", {"其他", "other"}},
        {"status.payable", {"应付", "payable"}},
        {"status.held", {"暂缓", "held"}},
        {"status.rejected", {"不予资助", "rejected"}},
        {"status.recovery", {"追回", "recovery"}},
    };
    return c;
}

}  // namespace

const std::string& msg(Lang lang, std::string_view key) {
    const auto& c = catalog();
    auto it = c.find(key);
    if (it == c.end()) throw std::out_of_range("no message '" + std::string(key) + "' in the workbench catalog");
    return lang == Lang::zh ? it->second.zh : it->second.en;
}

bool has_msg(std::string_view key) { return catalog().find(key) != catalog().end(); }

std::size_t catalog_size() { return catalog().size(); }

bool catalog_complete() {
    for (const auto& [k, t] : catalog())
        if (t.zh.empty() || t.en.empty()) return false;
    return true;
}

}  // namespace patsub::serve
