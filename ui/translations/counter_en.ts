<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../cash/standing.py" line="26"/>
        <source>欠费结清前不能办理：{0}。请先收费 (F7)。</source>
        <translation>Until the arrears are paid these cannot be done: {0}. Take the payment first (F7).</translation>
    </message>
    <message>
        <location filename="../cash/standing.py" line="24"/>
        <source>今日应缴合计：{0}</source>
        <translation>Total due today: {0}</translation>
    </message>
    <message>
        <location filename="../cash/standing.py" line="23"/>
        <source>（含滞纳金 {0}）</source>
        <translation> (late fee {0} included)</translation>
    </message>
    <message>
        <location filename="../cash/standing.py" line="21"/>
        <source>欠费：{0} 采暖季，共 {1}</source>
        <translation>Arrears: season {0}, {1} in all</translation>
    </message>
    <message>
        <location filename="../cash/standing.py" line="31"/>
        <source>无欠费，预交/多交余额 {0}</source>
        <translation>No arrears; prepaid or overpaid balance {0}</translation>
    </message>
    <message>
        <location filename="../cash/standing.py" line="29"/>
        <source>应缴：{0}（尚未逾期）</source>
        <translation>Due: {0} (not yet overdue)</translation>
    </message>
    <message>
        <location filename="../cash/standing.py" line="32"/>
        <source>无欠费</source>
        <translation>No arrears</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="54"/>
        <source>选择或输入部门</source>
        <translation>Pick or type</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="60"/>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="62"/>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="63"/>
        <source>待答复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="95"/>
        <source>答复期限：{0}不设答复期限；如客户需要，也可以答复和回访。</source>
        <translation>Reply deadline: none for {0}; you may still reply and follow up if the customer wishes.</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="105"/>
        <source>答复期限：{0}须在 {1} 个工作日内答复，即 {2} 前答复客户。</source>
        <translation>Reply deadline: {0} must be answered within {1} working days, i.e. reply to the customer by {2}.</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="102"/>
        <source>转交 {0}</source>
        <translation>Forward {0}</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="102"/>
        <source>转交(&amp;T)</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="122"/>
        <source>答复 {0}</source>
        <translation>Reply to {0}</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="122"/>
        <source>保存答复(&amp;S)</source>
        <translation>&amp;Save reply</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="174"/>
        <source>回访 {0}</source>
        <translation>Follow-up visit {0}</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="174"/>
        <source>保存回访(&amp;S)</source>
        <translation>&amp;Save follow-up</translation>
    </message>
    <message>
        <location filename="../cash/common.py" line="46"/>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="98"/>
        <source>答复期限：沿用原记录 {0} 的期限，即 {1} 前答复客户。</source>
        <translation>Reply deadline: kept from the original entry {0}, i.e. reply to the customer by {1}.</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="100"/>
        <source>该期限已过，答复时须填写超期原因。</source>
        <translation>That deadline has passed: the reply will need the reason it is late.</translation>
    </message>
    <message>
        <location filename="../feedback/common.py" line="102"/>
        <source>答复期限：{0}须在 {1} 个工作日内答复，从原记录的受理日 {2} 起算，即 {3} 前答复客户。</source>
        <translation>Reply deadline: {0} must be answered within {1} working days counted from the original entry&apos;s day of receipt {2}, i.e. reply to the customer by {3}.</translation>
    </message>
</context>
<context>
    <name>AccountFacts</name>
    <message>
        <location filename="../widgets.py" line="130"/>
        <source>户号：</source>
        <translation>Account no.:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="131"/>
        <source>户主：</source>
        <translation>Holder:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="132"/>
        <source>证件号码：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="133"/>
        <source>电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="134"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="135"/>
        <source>供热面积：</source>
        <translation>Heated area:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="136"/>
        <source>用户类别：</source>
        <translation>User class:</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="137"/>
        <source>供热状态：</source>
        <translation>Heating state:</translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <location filename="../wizard/account_picker.py" line="171"/>
        <source>{0}。本业务暂不能办理：请先收费，交清后再继续。</source>
        <translation>{0}. This business cannot be done yet: take the payment first, then go on.</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="114"/>
        <source>先收清欠费，再继续办理本业务 (F7)</source>
        <translation>Take the arrears first, then go on with this business (F7)</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="112"/>
        <source>收费 F7…</source>
        <translation>Payment F7…</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="66"/>
        <source>户号、姓名、电话、身份证号或地址，回车查找</source>
        <translation>Account no., name, phone, ID card no. or address; press Enter to search</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="77"/>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="77"/>
        <source>户主</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="77"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="78"/>
        <source>面积(㎡)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="78"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="86"/>
        <source>所选客户</source>
        <translation>Selected customer</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="96"/>
        <source>尚未选定客户：请在上面查找</source>
        <translation>No customer selected yet: search above</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="134"/>
        <source>找到 {0} 户，用上下键选择</source>
        <translation>{0} account(s) found; use the arrow keys to choose</translation>
    </message>
    <message>
        <location filename="../wizard/account_picker.py" line="135"/>
        <source>没有找到“{0}”，请换个关键词</source>
        <translation>Nothing found for “{0}”; try another keyword</translation>
    </message>
</context>
<context>
    <name>ArrearsWindow</name>
    <message>
        <location filename="../fees/arrears.py" line="65"/>
        <source>欠费清单与催缴</source>
        <translation>Arrears and reminders</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="69"/>
        <source>小区(&amp;C)：</source>
        <translation>&amp;Community:</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="70"/>
        <source>楼栋(&amp;B)：</source>
        <translation>&amp;Building:</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="77"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="78"/>
        <source>重新计算欠费和滞纳金 ({0})</source>
        <translation>Recompute arrears and late fees ({0})</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="87"/>
        <location filename="../fees/arrears.py" line="155"/>
        <source>正在计算欠费，请稍候……</source>
        <translation>Computing arrears, please wait...</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="92"/>
        <location filename="../fees/arrears.py" line="230"/>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="92"/>
        <location filename="../fees/arrears.py" line="230"/>
        <source>户主</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="92"/>
        <location filename="../fees/arrears.py" line="230"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="92"/>
        <location filename="../fees/arrears.py" line="230"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="92"/>
        <location filename="../fees/arrears.py" line="231"/>
        <source>欠费采暖季</source>
        <translation>Seasons owed</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="93"/>
        <location filename="../fees/arrears.py" line="231"/>
        <source>欠费本金（元）</source>
        <translation>Principal (yuan)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="93"/>
        <location filename="../fees/arrears.py" line="231"/>
        <source>滞纳金（元）</source>
        <translation>Late fee (yuan)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="93"/>
        <location filename="../fees/arrears.py" line="232"/>
        <source>合计（元）</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="106"/>
        <source>导出CSV(&amp;E)</source>
        <translation>&amp;Export CSV</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="107"/>
        <source>导出当前清单，可用 Excel 打开 (Alt+E)</source>
        <translation>Export the list shown; opens in Excel (Alt+E)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="109"/>
        <source>打印催缴通知(&amp;P)</source>
        <translation>&amp;Print reminder notices</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="112"/>
        <source>为所选小区、楼栋的欠费户打印催缴通知单，每户一页 (Alt+P)</source>
        <translation>Print payment reminders for the accounts in arrears of the chosen community and building, one page each (Alt+P)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="115"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="116"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="162"/>
        <source>截至 {0}</source>
        <translation>As of {0}</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="166"/>
        <location filename="../fees/arrears.py" line="224"/>
        <source>全部小区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="181"/>
        <source>全部楼栋</source>
        <translation>All buildings</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="185"/>
        <source>{0}号楼</source>
        <translation>Building {0}</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="212"/>
        <source>共 {0} 户&#x3000;欠费本金 {1} 元&#x3000;滞纳金 {2} 元&#x3000;合计 {3} 元</source>
        <translation>{0} account(s)  ·  principal {1} yuan  ·  late fee {2} yuan  ·  total {3} yuan</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="215"/>
        <source>没有逾期欠费的账户</source>
        <translation>No account is in arrears</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="240"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="240"/>
        <source>{0} 户</source>
        <translation>{0} account(s)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="251"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="251"/>
        <source>无法写入文件 {0}：{1}</source>
        <translation>Cannot write the file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="257"/>
        <source>欠费清单</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="265"/>
        <source>导出欠费清单</source>
        <translation>Export the arrears list</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="266"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="268"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../fees/arrears.py" line="268"/>
        <source>已导出 {0} 户到 {1}</source>
        <translation>Exported {0} account(s) to {1}</translation>
    </message>
</context>
<context>
    <name>BusinessWizard</name>
    <message>
        <location filename="../wizard/wizard.py" line="42"/>
        <source>已保存为草稿，可在“我的草稿”中继续</source>
        <translation>Saved as a draft; you can continue it from “My drafts”</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="61"/>
        <source>{0} - 业务办理</source>
        <translation>{0} - New request</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="64"/>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="65"/>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="66"/>
        <source>确认办理(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="67"/>
        <source>完成(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="68"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="71"/>
        <source>关闭向导，已填写的内容保存为草稿 (Esc)</source>
        <translation>Close the wizard; what you entered is kept as a draft (Esc)</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="72"/>
        <source>下一步 (Alt+N，回车)</source>
        <translation>Next (Alt+N, Enter)</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="73"/>
        <source>上一步 (Alt+B)</source>
        <translation>Back (Alt+B)</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="113"/>
        <source>草稿暂未保存（{0}）；已填写的内容仍在，换页或关闭时会再试。</source>
        <translation>Draft not saved yet ({0}); what you entered is still here, and saving is tried again when you change page or close.</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="120"/>
        <source>草稿未能打开，本次从头办理；原草稿仍保留在“我的草稿”中。</source>
        <translation>The draft could not be opened, so this request starts from the beginning; the original draft is still in “My drafts”.</translation>
    </message>
    <message>
        <location filename="../wizard/wizard.py" line="168"/>
        <source>草稿未能保存，向导暂不关闭，以免丢失已填写的内容；请稍后再按“取消”，或继续办理。</source>
        <translation>The draft could not be saved, so the wizard stays open to keep what you entered; press “Cancel” again later, or carry on.</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../settings/calendar_dialog.py" line="38"/>
        <source>工作日调整（按国务院节假日通知录入）</source>
        <translation>Working-day adjustments (enter them from the State Council holiday notice)</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="42"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="57"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="57"/>
        <source>安排</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="57"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="68"/>
        <location filename="../settings/calendar_dialog.py" line="136"/>
        <source>放假</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="69"/>
        <location filename="../settings/calendar_dialog.py" line="136"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="72"/>
        <source>如：春节、国庆节调休</source>
        <translation>e.g. Spring Festival, National Day make-up day</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="73"/>
        <source>录入此日(&amp;A)</source>
        <translation>&amp;Add this day</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="76"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="84"/>
        <source>通知文号，如：国办发明电〔2026〕X号</source>
        <translation>Notice reference, e.g. Guobanfa Mingdian [2026] No. X</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="85"/>
        <source>确认该年已全部录入(&amp;C)</source>
        <translation>&amp;Confirm the year is complete</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="127"/>
        <source>{0}年：已有国务院通知数据，可在下方补录调整。</source>
        <translation>{0}: the State Council notice is built in; add any adjustments below.</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="129"/>
        <source>{0}年：主管已录入全年安排（{1}）。</source>
        <translation>{0}: the whole year has been entered by a supervisor ({1}).</translation>
    </message>
    <message>
        <location filename="../settings/calendar_dialog.py" line="131"/>
        <source>{0}年：尚无节假日数据，期限暂按周一至周五计算，请按通知逐日录入后确认。</source>
        <translation>{0}: no holiday data yet, so deadlines count Monday to Friday for now. Enter each day from the notice, then confirm.</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../print_dialogs.py" line="260"/>
        <source>套打校准</source>
        <translation>Receipt form calibration</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="262"/>
        <source>在预印收据上打印校准页：十字应落在各栏的填写处。整体偏了多少毫米，就把偏移量加上多少，保存后重打校准页核对。偏移按打印机分别保存。</source>
        <translation>Print the calibration page on a pre-printed receipt form: each cross should fall where its field is filled in. If the print is off, add that many millimetres to the offsets, save, and print the page again to check. Offsets are saved per printer.</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="275"/>
        <source>（本机未安装打印机）</source>
        <translation>(no printer installed on this computer)</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="276"/>
        <source>正数向右，负数向左</source>
        <translation>Positive moves right, negative moves left</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="277"/>
        <source>正数向下，负数向上</source>
        <translation>Positive moves down, negative moves up</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="278"/>
        <source>打印机(&amp;R)：</source>
        <translation>P&amp;rinter:</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="278"/>
        <source>向右偏移(&amp;X)：</source>
        <translation>Offset to the right (&amp;X):</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="279"/>
        <source>向下偏移(&amp;Y)：</source>
        <translation>Offset down (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="289"/>
        <source>预览校准页(&amp;V)…</source>
        <translation>Pre&amp;view calibration page…</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="290"/>
        <source>打印校准页(&amp;P)…</source>
        <translation>&amp;Print calibration page…</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="296"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="298"/>
        <source>保存这台打印机的偏移 (Alt+S)</source>
        <translation>Save the offsets of this printer (Alt+S)</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="300"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="301"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="341"/>
        <source>已保存：{0} 向右 {1:.1f} mm，向下 {2:.1f} mm</source>
        <translation>Saved: {0} right {1:.1f} mm, down {2:.1f} mm</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="348"/>
        <source>套打校准页</source>
        <translation>Receipt form calibration page</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../wizard/confirm_page.py" line="23"/>
        <source>第5步：确认</source>
        <translation>Step 5: Confirm</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="24"/>
        <source>请与客户核对以下内容，无误后按“确认办理”登记。</source>
        <translation>Check the following with the customer, then press “Submit” to register the request.</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="26"/>
        <source>确认办理(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="39"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="40"/>
        <source>材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="43"/>
        <source>值班长批准免交</source>
        <translation>Waived by supervisor</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="45"/>
        <source>业务信息</source>
        <translation>Request details</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="47"/>
        <source>收费项目</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="57"/>
        <source>材料不全（缺：{0}）：确认后业务转为“待补材料”，请向客户出具一次性告知单。</source>
        <translation>Documents incomplete (missing: {0}): after you submit, the request is “Awaiting documents”; give the customer a one-time notice of missing documents.</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="60"/>
        <source>材料齐全：确认后即受理，并送值班长审批。</source>
        <translation>Documents complete: submitting accepts the request and sends it to the supervisor for approval.</translation>
    </message>
    <message>
        <location filename="../wizard/confirm_page.py" line="61"/>
        <source>材料齐全：确认后即受理。</source>
        <translation>Documents complete: submitting accepts the request.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../cash/corrections.py" line="48"/>
        <source>作废收款</source>
        <translation>Void payment</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="48"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="50"/>
        <source>作废收款 - 收据 {0}</source>
        <translation>Void payment - receipt {0}</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="50"/>
        <source>退款 - 收据 {0}</source>
        <translation>Refund - receipt {0}</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="54"/>
        <source>收据 {0}&#x3000;{1}&#x3000;{2}&#x3000;{3} 收&#x3000;{4}</source>
        <translation>Receipt {0}  {1}  {2}  taken by {3}  {4}</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="71"/>
        <source>退款金额(&amp;A)：</source>
        <translation>Refund &amp;amount: </translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="72"/>
        <source>元；最多可退 {0}</source>
        <translation>yuan; at most {0} can be refunded</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="77"/>
        <source>退款方式(&amp;M)：</source>
        <translation>Refund &amp;method: </translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="80"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason: </translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="81"/>
        <source>必填：如 收错户、金额输错、客户退费</source>
        <translation>Required, e.g. wrong account, wrong amount, customer refund</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="86"/>
        <source>请值班长批准(&amp;S)…</source>
        <translation>&amp;Supervisor approval…</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="87"/>
        <source>值班长用本人账号登录后即{0} (回车)</source>
        <translation>{0} once a supervisor logs in with their own account (Enter)</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="89"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="99"/>
        <source>作废只限当天、尚未结班的收款：收据号保留并标记“作废”，款项从原班次中退出。须由值班长用本人账号登录批准（不能是收款人或经办人本人）。</source>
        <translation>Only a payment of today whose shift is still open can be voided: the receipt number stays, marked “void”, and the money leaves that shift. A supervisor approves by logging in with their own account (not the clerk who took or handles it).</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="101"/>
        <source>退款记入您当前的班次，原收据保留。须由值班长用本人账号登录批准（不能是经办人本人）。</source>
        <translation>The refund is paid from your current shift; the original receipt stays. A supervisor approves by logging in with their own account (not the clerk handling it).</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="110"/>
        <source>{0}原因</source>
        <translation>Reason for {0}</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="113"/>
        <source>退款金额</source>
        <translation>Refund amount</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="119"/>
        <source>值班长批准{0}</source>
        <translation>Supervisor approval: {0}</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="120"/>
        <source>{0}：收据 {1}，{2}。须由值班长批准：请值班长登录本人账号。</source>
        <translation>{0}: receipt {1}, {2}. A supervisor must approve: supervisor, please log in with your own account.</translation>
    </message>
    <message>
        <location filename="../cash/corrections.py" line="126"/>
        <source>退 {0} 元</source>
        <translation>refund {0} yuan</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../wizard/customer_page.py" line="194"/>
        <source>{0}。请先收费 (F7)。</source>
        <translation>{0}. Take the payment first (F7).</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="37"/>
        <source>第1步：客户</source>
        <translation>Step 1: Customer</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="41"/>
        <source>登记新客户，或选择一户尚未接网的已有账户。</source>
        <translation>Register a new customer, or choose an existing account that is not yet connected.</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="44"/>
        <source>核对客户信息；如需更换，请在查找框中输入户号、姓名或电话后回车。</source>
        <translation>Check the customer&apos;s details; to change the customer, type an account no., name or phone in the search field and press Enter.</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="45"/>
        <source>更换客户(&amp;L)：</source>
        <translation>&amp;Look up another customer:</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="57"/>
        <source>登记新客户(&amp;J)</source>
        <translation>Ne&amp;w customer</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="59"/>
        <source>选择已有账户（未接网）(&amp;Y)</source>
        <translation>Existing account (not &amp;yet connected)</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="76"/>
        <source>查找账户(&amp;L)：</source>
        <translation>&amp;Look up account:</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="87"/>
        <source>由代理人办理(&amp;T)</source>
        <translation>&amp;Through a representative</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="89"/>
        <source>代理人姓名(&amp;V)：</source>
        <translation>Representati&amp;ve&apos;s name:</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="93"/>
        <source>代理人办理时必填</source>
        <translation>Required when a representative applies</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="181"/>
        <source>由代理人办理时请填写代理人姓名</source>
        <translation>Enter the representative&apos;s name when a representative applies</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="190"/>
        <source>请先查找并选定客户（输入户号、姓名或电话后回车）</source>
        <translation>First look up and select the customer (type an account no., name or phone and press Enter)</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="197"/>
        <source>该户为{0}用户，不能办理“{1}”，请选择对应的业务</source>
        <translation>This account&apos;s class is {0}, so “{1}” does not apply; choose the matching request type</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="201"/>
        <source>该户已接网（供热状态：{0}），不能再申请用热；停热后恢复请办理复热申请</source>
        <translation>This account is already connected (heating status: {0}) and cannot apply for heating again; to restart after a stop, apply to resume heating</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="217"/>
        <source>户号 {0} 已存在，请核对公司分配的户号；若是该户，请选择“已有账户”</source>
        <translation>Account no. {0} already exists; check the number the company assigned. If it is this customer, choose “Existing account”</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="266"/>
        <location filename="../wizard/customer_page.py" line="274"/>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="266"/>
        <source>户主</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="267"/>
        <location filename="../wizard/customer_page.py" line="276"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="267"/>
        <location filename="../wizard/customer_page.py" line="276"/>
        <source>供热面积</source>
        <translation>Heated area</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="268"/>
        <source>供热状态</source>
        <translation>Heating status</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="273"/>
        <source>新客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="274"/>
        <source>证件号码</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="275"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="277"/>
        <source>采暖方式</source>
        <translation>Heating type</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="278"/>
        <source>办理人</source>
        <translation>Applied by</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="278"/>
        <source>代理人 {0}</source>
        <translation>Representative {0}</translation>
    </message>
    <message>
        <location filename="../wizard/customer_page.py" line="279"/>
        <source>本人</source>
        <translation>In person</translation>
    </message>
</context>
<context>
    <name>DelayDialog</name>
    <message>
        <location filename="../requests/steps.py" line="150"/>
        <source>说明超期原因</source>
        <translation>Explain delay</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="150"/>
        <source>记录并说明</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="151"/>
        <source>已超过办理期限（{0}）。请记录原因，并向客户说明、致歉。</source>
        <translation>The deadline ({0}) has passed. Record the reason, explain it to the customer and apologise.</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="152"/>
        <source>超期原因(&amp;R)：</source>
        <translation>&amp;Reason for delay:</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="152"/>
        <source>必填：将记入办理经过</source>
        <translation>Required; recorded in the history</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="159"/>
        <source>请填写超期原因</source>
        <translation>Enter the reason for the delay</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../feedback/dialogs.py" line="228"/>
        <source>意见 {0}</source>
        <translation>Feedback {0}</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="246"/>
        <source>不设期限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="248"/>
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="249"/>
        <source>编号：</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="250"/>
        <source>类别：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="251"/>
        <source>渠道：</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="252"/>
        <source>客户：</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="253"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="254"/>
        <source>受理时间：</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="255"/>
        <source>意见内容：</source>
        <translation>Feedback:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="256"/>
        <source>转交部门：</source>
        <translation>Forwarded to:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="256"/>
        <source>尚未转交</source>
        <translation>Not forwarded yet</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="257"/>
        <source>答复期限：</source>
        <translation>Reply deadline:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="258"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="259"/>
        <source>答复时间：</source>
        <translation>Replied:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="260"/>
        <source>答复内容：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="261"/>
        <source>超期原因：</source>
        <translation>Reason for delay:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="262"/>
        <source>回访情况：</source>
        <translation>Follow-up:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="263"/>
        <source>满意度：</source>
        <translation>Satisfaction:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="266"/>
        <source>更正自：</source>
        <translation>Corrects:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="266"/>
        <source>{0}（原内容：{1}）</source>
        <translation>{0} (original: {1})</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="270"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../wizard/details_page.py" line="17"/>
        <source>平方米，如 85.5</source>
        <translation>m², e.g. 85.5</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="18"/>
        <source>手机11位，或带区号的固定电话，如0371-12345678</source>
        <translation>Mobile, or landline e.g. 0371-12345678</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="19"/>
        <source>18位身份证号</source>
        <translation>18-character ID card no.</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="20"/>
        <source>18位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="21"/>
        <source>个人填18位身份证号，单位填统一社会信用代码</source>
        <translation>18-char ID card no. or credit code</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="22"/>
        <source>元，如 1234.56</source>
        <translation>yuan, e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="23"/>
        <source>如 2025-2026</source>
        <translation>e.g. 2025-2026</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="24"/>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="37"/>
        <source>第3步：业务信息</source>
        <translation>Step 3: Request details</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="38"/>
        <source>带 * 的为必填项；填写有误时，提示显示在该项下方。</source>
        <translation>Fields marked * are required; a mistake is explained below its field.</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="57"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="61"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="72"/>
        <source>如 {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="76"/>
        <source>{0}到{1}之间的整数</source>
        <translation>Whole number from {0} to {1}</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="79"/>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../wizard/details_page.py" line="135"/>
        <source>有 {0} 项需要更正，请看各项下方的红字</source>
        <translation>{0} field(s) need correcting; see the red text below each</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../wizard/documents_page.py" line="48"/>
        <source>第2步：材料清单</source>
        <translation>Step 2: Documents</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="49"/>
        <source>逐项核对客户交来的材料：勾选已收，核对原件，填写留存复印件份数。鼠标停在材料名称上可看说明。</source>
        <translation>Check each document the customer hands in: tick it as received, check the original, and enter the number of copies kept. Hover over a document&apos;s name for its notes.</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="66"/>
        <source>请值班长免交(&amp;W)</source>
        <translation>Ask supervisor to &amp;waive</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="69"/>
        <source>必交材料客户暂不能提供时，由值班长登录本人账号批准免交 (Alt+W)</source>
        <translation>When the customer cannot provide a required document yet, a supervisor logs in with their own account to waive it (Alt+W)</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="89"/>
        <source>材料（勾选＝已收）</source>
        <translation>Document (ticked = received)</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="89"/>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="89"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="90"/>
        <source>复印件(份)</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="90"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="124"/>
        <source>已核原件</source>
        <translation>Original checked</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="126"/>
        <source>须核对原件</source>
        <translation>The original must be checked</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="126"/>
        <source>不要求原件，核对了可勾选</source>
        <translation>Original not required; tick if you checked it</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="130"/>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="131"/>
        <source>留存复印件份数，标准为 {0} 份</source>
        <translation>Copies kept; the standard is {0}</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="133"/>
        <source>必交（任交其一）</source>
        <translation>Required (any one)</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="133"/>
        <source>必交</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="135"/>
        <source>选交</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="137"/>
        <source>，须核原件</source>
        <translation>, original to be checked</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="192"/>
        <source>还缺必交材料：{0}。可出具一次性告知单，业务转为“待补材料”；或请值班长批准免交。</source>
        <translation>Required documents still missing: {0}. Give a one-time notice of missing documents and the request becomes “Awaiting documents”, or ask a supervisor to waive them.</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="196"/>
        <source>必交材料已齐全（含值班长批准免交的），可以受理。</source>
        <translation>All required documents are in (including those a supervisor waived); the request can be accepted.</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="198"/>
        <source>必交材料已齐全，可以受理。</source>
        <translation>All required documents are in; the request can be accepted.</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="200"/>
        <source>已批准免交：{0}</source>
        <translation>Waived: {0}</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="204"/>
        <source>已收但尚未核对原件：{0}</source>
        <translation>Received, original not yet checked: {0}</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="208"/>
        <source>，已免交</source>
        <translation>, waived</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="227"/>
        <source>{0} 已批准免交，办理时记入业务记录</source>
        <translation>{0} approved the waiver; it is recorded with the request</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="258"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="258"/>
        <source>，已核原件</source>
        <translation>, original checked</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="259"/>
        <source>，复印件{0}份</source>
        <translation>, {0} copies</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="261"/>
        <source>免交</source>
        <translation>Waived</translation>
    </message>
    <message>
        <location filename="../wizard/documents_page.py" line="263"/>
        <source>未交</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../requests/documents.py" line="60"/>
        <source>材料</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="60"/>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="60"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="61"/>
        <source>原件已核</source>
        <translation>Original checked</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="61"/>
        <source>复印件</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="61"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="66"/>
        <source>原件已核验(&amp;G)</source>
        <translation>Ori&amp;ginal checked</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="68"/>
        <source>复印件份数(&amp;C)：</source>
        <translation>&amp;Copies:</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="73"/>
        <source>登记已收(&amp;R)</source>
        <translation>Mark as &amp;received</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="75"/>
        <source>客户后来补交的材料：核验后登记为已收 (Alt+R)</source>
        <translation>A document the customer brings later: check it, then mark it as received (Alt+R)</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="77"/>
        <source>批准免交(&amp;W)…</source>
        <translation>&amp;Waive…</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="80"/>
        <source>须值班长批准并写明原因；营业员操作时请值班长登录本人账号 (Alt+W)</source>
        <translation>Needs a supervisor&apos;s approval with a reason; at a clerk&apos;s counter the supervisor logs in with their own account (Alt+W)</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="98"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="106"/>
        <source>尚缺材料：</source>
        <translation>Still missing: </translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="109"/>
        <source>材料齐全</source>
        <translation>Documents complete</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="119"/>
        <source>选交</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="120"/>
        <source>必交（任选其一）</source>
        <translation>Required (any one)</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="120"/>
        <source>必交</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="169"/>
        <source>值班长批准免交</source>
        <translation>Supervisor waiver</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="170"/>
        <source>免交“{0}”须由值班长批准：请值班长登录本人账号。</source>
        <translation>Waiving “{0}” needs a supervisor&apos;s approval: the supervisor logs in with their own account.</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="171"/>
        <source>批准免交材料</source>
        <translation>waive documents</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../wizard/done_page.py" line="122"/>
        <source>已办结。</source>
        <translation>Completed.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="120"/>
        <source>已受理。请按 F7 收费：交清应缴后，本业务随收款办结。</source>
        <translation>Accepted. Press F7 to take the payment: paying everything due completes this business.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="17"/>
        <source>答复供热方案</source>
        <translation>heating plan reply</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="18"/>
        <source>开栓供热</source>
        <translation>heating on</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="19"/>
        <source>答复审批结果</source>
        <translation>approval result reply</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="26"/>
        <source>办理完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="27"/>
        <source>业务已登记。请把查询码告诉客户，并打印回执。</source>
        <translation>The request is registered. Give the customer the tracking code and print the acceptance slip.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="39"/>
        <source>业务编号：</source>
        <translation>Request no.:</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="39"/>
        <source>查询码：</source>
        <translation>Tracking code:</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="40"/>
        <source>当前状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="41"/>
        <source>办理期限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="49"/>
        <source>复制查询码(&amp;C)</source>
        <translation>&amp;Copy tracking code</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="57"/>
        <source>打印受理回执(&amp;P)</source>
        <translation>&amp;Print acceptance slip</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="57"/>
        <source>预览、打印或另存受理回执 (Alt+P)</source>
        <translation>Preview, print or save the acceptance slip (Alt+P)</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="59"/>
        <source>打印一次性告知单(&amp;O)</source>
        <translation>Print one-time n&amp;otice</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="60"/>
        <source>预览、打印或另存一次性告知单 (Alt+O)</source>
        <translation>Preview, print or save the one-time notice (Alt+O)</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="73"/>
        <source>送别用语：</source>
        <translation>Farewell: </translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="105"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="106"/>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="114"/>
        <source>业务已登记，但暂时无法读取详情，请按“重试”。</source>
        <translation>The request is registered, but its details cannot be read right now; press “Retry”.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="117"/>
        <source>材料不全，请向客户出具一次性告知单，告知需补交：{0}。</source>
        <translation>Documents incomplete: give the customer a one-time notice of missing documents listing {0}.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="124"/>
        <source>已受理，已送值班长审批；审批结果将告知客户。</source>
        <translation>Accepted and sent to the supervisor for approval; the customer will be told the result.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="126"/>
        <source>已受理，将于 {0} 前答复客户。</source>
        <translation>Accepted; the customer will get a reply by {0}.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="128"/>
        <source>已受理，办结后告知客户。</source>
        <translation>Accepted; the customer will be told when it is completed.</translation>
    </message>
    <message>
        <location filename="../wizard/done_page.py" line="129"/>
        <source>客户可扫描回执上的二维码或凭查询码查询办理进度。</source>
        <translation>The customer can follow the progress by scanning the QR code on the acceptance slip or with the tracking code.</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="31"/>
        <source>我的草稿</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="33"/>
        <source>未办完的业务保存在这里。选中一项按回车继续办理。</source>
        <translation>Unfinished requests are kept here. Select one and press Enter to continue.</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="35"/>
        <source>业务</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="35"/>
        <source>保存时间</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="35"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="39"/>
        <source>没有未办完的草稿。</source>
        <translation>No unfinished drafts.</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="43"/>
        <source>继续办理(&amp;R)</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="45"/>
        <source>继续办理选中的草稿 (回车)</source>
        <translation>Resume the selected draft (Enter)</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="47"/>
        <source>放弃草稿(&amp;D)</source>
        <translation>&amp;Discard draft</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="53"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="54"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="93"/>
        <source>无法继续</source>
        <translation>Cannot continue</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="94"/>
        <source>业务目录中已没有“{0}”这类业务，此草稿不能继续办理，可以放弃。</source>
        <translation>The catalogue no longer has the request type “{0}”, so this draft cannot be continued; you can discard it.</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="104"/>
        <source>放弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../wizard/drafts_dialog.py" line="105"/>
        <source>确定放弃草稿“{0}”吗？放弃后不能再继续办理。</source>
        <translation>Discard the draft “{0}”? It cannot be continued afterwards.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../feedback/entry.py" line="84"/>
        <source>登记意见 - 意见簿</source>
        <translation>New feedback - Feedback book</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="85"/>
        <source>更正意见 - 意见簿</source>
        <translation>Correct feedback - Feedback book</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="90"/>
        <source>受理后请感谢客户，详细记录，并立即转交责任部门（规范第十八条）。</source>
        <translation>Thank the customer, record the details, and forward the entry to the responsible department at once (standard, article 18).</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="97"/>
        <source>类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="99"/>
        <source>渠道(&amp;C)：</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="101"/>
        <source>客户姓名(&amp;N)：</source>
        <translation>Customer &amp;name:</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="102"/>
        <source>匿名可不填</source>
        <translation>May be left empty if anonymous</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="103"/>
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="104"/>
        <source>手机号或带区号的固定电话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="108"/>
        <source>客户反映的事情、地点、时间，尽量记录详细</source>
        <translation>What happened, where and when, in full detail</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="110"/>
        <source>意见内容(&amp;T)：</source>
        <translation>Feedback &amp;text:</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="111"/>
        <source>转交部门(&amp;D)：</source>
        <translation>Forward to &amp;department:</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="113"/>
        <source>受理后立即转交的责任部门，可暂不填</source>
        <translation>The responsible department to forward to straight away; may be left empty for now</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="125"/>
        <source>投诉接待用语（请对客户说）</source>
        <translation>Complaint phrases (say to the customer)</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="129"/>
        <source>致谢用语（请对客户说）</source>
        <translation>Thanks phrases (say to the customer)</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="139"/>
        <source>登记(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="139"/>
        <source>保存更正(&amp;S)</source>
        <translation>&amp;Save correction</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="140"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="142"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="159"/>
        <source>客户：户号 {0}&#x3000;{1}&#x3000;{2}</source>
        <translation>Customer: account no. {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="171"/>
        <source>更正意见 {0}：保存后列表显示更正后的新记录，原记录保留备查，不会删除。</source>
        <translation>Correcting feedback {0}: after saving, the list shows the corrected new entry; the original is kept for reference, not deleted.</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="174"/>
        <source>原记录的登记时间、答复期限、答复和回访都带到新记录。</source>
        <translation>The original&apos;s receipt time, reply deadline, reply and follow-up carry over to the new entry.</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="176"/>
        <source>原记录的登记时间和答复期限带到新记录。</source>
        <translation>The original&apos;s receipt time and reply deadline carry over to the new entry.</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="178"/>
        <source>更正意见 {0} - 意见簿</source>
        <translation>Correct feedback {0} - Feedback book</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="228"/>
        <source>已登记意见 {0}。</source>
        <translation>Feedback {0} recorded. </translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="229"/>
        <source>已更正：新记录 {0}，原记录 {1} 保留备查。</source>
        <translation>Corrected: new entry {0}; the original {1} is kept for reference. </translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="232"/>
        <source>请告诉客户：我们会在 {0} 前给您答复。</source>
        <translation>Tell the customer: we will reply to you by {0}.</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="233"/>
        <source>请感谢客户：感谢您多提宝贵意见。</source>
        <translation>Thank the customer: thank you for your valuable feedback.</translation>
    </message>
    <message>
        <location filename="../feedback/entry.py" line="234"/>
        <source>已登记</source>
        <translation>Recorded</translation>
    </message>
</context>
<context>
    <name>FeedbackWindow</name>
    <message>
        <location filename="../feedback/window.py" line="48"/>
        <source>意见簿 - 投诉、举报、建议、表扬</source>
        <translation>Feedback book - complaints, reports, suggestions, praise</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="60"/>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="61"/>
        <location filename="../feedback/window.py" line="66"/>
        <location filename="../feedback/window.py" line="71"/>
        <location filename="../feedback/window.py" line="184"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="61"/>
        <source>未答复</source>
        <translation>Not replied</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="61"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="61"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="63"/>
        <source>{0}天内到期、尚未答复</source>
        <translation>Due within {0} days, not replied yet</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="65"/>
        <source>渠道(&amp;C)：</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="69"/>
        <source>部门(&amp;D)：</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="78"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="78"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="78"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="78"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="78"/>
        <source>意见内容</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="79"/>
        <source>转交部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="79"/>
        <source>答复期限</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="79"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="79"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="87"/>
        <source>答复期限：红色为已超期，橙色为{0}天内到期。双击或按回车查看详情。记录不能删除，登记有误请用“更正”。</source>
        <translation>Reply deadline: red is overdue, orange is due within {0} days. Double-click or press Enter for details. Entries cannot be deleted; use “Correct” to fix a mistake.</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="99"/>
        <source>意见簿</source>
        <translation>Feedback book</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="105"/>
        <source>登记(&amp;N)</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="106"/>
        <source>转交(&amp;T)</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="107"/>
        <source>答复(&amp;R)</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="108"/>
        <source>回访(&amp;H)</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="109"/>
        <source>更正(&amp;E)</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="110"/>
        <source>详情(&amp;O)</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="111"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="115"/>
        <source>{0}（回车）</source>
        <translation>{0} (Enter)</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="150"/>
        <source>（未留姓名）</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="151"/>
        <source>未转交</source>
        <translation>Not forwarded</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="157"/>
        <source>共 {0} 条</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="173"/>
        <source>已超期，尚未答复</source>
        <translation>Overdue, not replied yet</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="174"/>
        <source>{0}天内到期，尚未答复</source>
        <translation>Due within {0} days, not replied yet</translation>
    </message>
    <message>
        <location filename="../feedback/window.py" line="176"/>
        <source>该期限按周一至周五估算，节假日安排未确认，请核对</source>
        <translation>This deadline is estimated on Monday to Friday because the holidays are not confirmed; please check it</translation>
    </message>
</context>
<context>
    <name>Fees</name>
    <message>
        <location filename="../fees/common.py" line="43"/>
        <source>请填写{0}</source>
        <translation>Please fill in {0}</translation>
    </message>
    <message>
        <location filename="../fees/common.py" line="46"/>
        <source>{0}请只填写数字，如 {1}</source>
        <translation>{0}: digits only, e.g. {1}</translation>
    </message>
    <message>
        <location filename="../fees/common.py" line="50"/>
        <source>{0}最多{1}位小数，请核对</source>
        <translation>{0}: at most {1} decimal places, please check</translation>
    </message>
    <message>
        <location filename="../fees/common.py" line="54"/>
        <source>{0}应在{1}至{2}{3}之间，请核对</source>
        <translation>{0} must be between {1} and {2}{3}, please check</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="128"/>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="36"/>
        <source>处理账户：</source>
        <translation>Accounts processed:</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="37"/>
        <source>新建账单：</source>
        <translation>New bills:</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="38"/>
        <source>重新生成（未缴费，按新标准）：</source>
        <translation>Regenerated (unpaid, new schedule):</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="39"/>
        <source>账单不变：</source>
        <translation>Bills unchanged:</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="40"/>
        <source>已有缴费，保留原账单：</source>
        <translation>Paid, bill kept:</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="41"/>
        <source>本季未接网，不出账：</source>
        <translation>Not connected this season, no bill:</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="43"/>
        <source>新开账单金额合计：</source>
        <translation>Total of the new bills:</translation>
    </message>
    <message>
        <location filename="../operations/fees.py" line="64"/>
        <source>正在建立{0}采暖季账单，请稍候……</source>
        <translation>Creating the {0} season's bills, please wait...</translation>
    </message>
    <message>
        <location filename="../operations/fees.py" line="73"/>
        <source>正在计算欠费，请稍候……</source>
        <translation>Computing arrears, please wait...</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <location filename="../wizard/fees_page.py" line="35"/>
        <source>第4步：收费项目</source>
        <translation>Step 4: Fees</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="36"/>
        <source>按服务规范向客户说明本业务的各项收费项目和收费标准。</source>
        <translation>As the service standard requires, explain each fee of this request and its rate to the customer.</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="45"/>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="45"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="45"/>
        <source>金额或标准</source>
        <translation>Amount or rate</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="52"/>
        <source>本户应缴（截至今天）</source>
        <translation>Owed by this account (as of today)</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="55"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="55"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="102"/>
        <location filename="../wizard/fees_page.py" line="179"/>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="108"/>
        <source>{0}{1} {2} 元/平方米·采暖期</source>
        <translation>{0} {1} {2} yuan/m² per heating season</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="110"/>
        <source>{0}{1} {2} 元/平方米·采暖期，按供热面积和供热天数计</source>
        <translation>{0} {1} {2} yuan/m² per heating season, by heated area and heating days</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="113"/>
        <source>（{0}㎡ 整季 {1} 元）</source>
        <translation> ({0} m², whole season {1} yuan)</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="116"/>
        <source>停热期间按热费的 {0}% 收取</source>
        <translation>While heating is stopped: {0}% of the heating fee</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="118"/>
        <source>（整季停热 {0} 元）</source>
        <translation> (whole season stopped: {0} yuan)</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="122"/>
        <source>{0} 后逾期未交的，每日按欠费的 {1}‰ 加收</source>
        <translation>Unpaid after {0}: {1}‰ of the amount owed per day</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="124"/>
        <source>收费标准未列出此项金额，按核定方案另行告知</source>
        <translation>Not priced in the fee schedule; the customer is told the amount once the plan is approved</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="147"/>
        <source>本采暖季收费标准尚未发布（{0}采暖季），金额待收费标准发布后按标准计算。</source>
        <translation>The fee schedule of this heating season ({0}) is not published yet; amounts are calculated once it is.</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="151"/>
        <source>依据：{0}采暖季收费标准（第{1}版，{2}，{3}起执行）</source>
        <translation>Basis: fee schedule of heating season {0} (version {1}, {2}, in force from {3})</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="159"/>
        <source>收费在确认办理后进行：在主窗口按 F7 收费，收款后开具收据。</source>
        <translation>Fees are taken after confirming: press F7 in the main window to take the payment; a receipt is issued.</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="172"/>
        <source>应缴合计：{0} 元</source>
        <translation>Total due: {0} yuan</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="173"/>
        <source>该户目前没有已出账未结清的热费</source>
        <translation>This account has no billed heating fee outstanding</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="179"/>
        <source>本户应缴合计</source>
        <translation>Total due by this account</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="74"/>
        <source>本业务不收取费用。</source>
        <translation>This request has no fees.</translation>
    </message>
    <message>
        <location filename="../wizard/fees_page.py" line="39"/>
        <location filename="../wizard/fees_page.py" line="99"/>
        <source>按收费标准计算</source>
        <translation>Per the fee rates</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../feedback/dialogs.py" line="178"/>
        <source>答复内容：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="179"/>
        <source>回访方式、客户反映的情况</source>
        <translation>How the follow-up visit was made and what the customer said</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="180"/>
        <source>回访情况(&amp;R)：</source>
        <translation>Follow-up &amp;result:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="194"/>
        <source>客户满意度：</source>
        <translation>Customer satisfaction:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="212"/>
        <source>请填写回访情况</source>
        <translation>Enter the follow-up result</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="213"/>
        <source>请选择客户满意度</source>
        <translation>Choose the customer&apos;s satisfaction</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <location filename="../feedback/dialogs.py" line="104"/>
        <source>当前部门：</source>
        <translation>Current department:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="105"/>
        <source>转交给(&amp;D)：</source>
        <translation>Forward to &amp;department:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="107"/>
        <source>选择或输入责任部门</source>
        <translation>Choose or type the responsible department</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../requests/steps.py" line="172"/>
        <source>移交业务</source>
        <translation>Hand over request</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="172"/>
        <source>移交</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="173"/>
        <source>当前承办人：{0}。移交须写明交接事项和责任（首问负责制）。</source>
        <translation>Currently handled by {0}. A handover must say what is handed over and who is responsible for what (first-contact responsibility).</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="180"/>
        <source>同事(&amp;S)</source>
        <translation>&amp;Staff member</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="182"/>
        <source>其他部门(&amp;D)</source>
        <translation>Other &amp;department</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="192"/>
        <source>如：工程部、稽查科</source>
        <translation>e.g. Engineering, Inspection</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="198"/>
        <source>交给：</source>
        <translation>Hand to:</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="199"/>
        <source>交接事项(&amp;N)：</source>
        <translation>Handover &amp;notes:</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="199"/>
        <source>必填：交接什么、由谁负责什么</source>
        <translation>Required: what is handed over, who is responsible for what</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="232"/>
        <source>移交须写明交接事项和责任</source>
        <translation>A handover must say what is handed over and who is responsible</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="234"/>
        <source>请填写接手的部门</source>
        <translation>Enter the receiving department</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="55"/>
        <source>登录 - 供热营业厅柜台系统</source>
        <translation>Log in - Heating Service Hall Counter</translation>
    </message>
    <message>
        <location filename="../login.py" line="68"/>
        <source>登录名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../login.py" line="70"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../login.py" line="82"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../login.py" line="118"/>
        <source>请输入登录名</source>
        <translation>Enter your user name</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="84"/>
        <source>供热营业厅柜台系统</source>
        <translation>Heating Service Hall Counter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>查找(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172"/>
        <source>户号、姓名、电话、身份证号、地址，或扫描业务查询码</source>
        <translation>Account no., name, phone, ID card no., address, or scan a request&apos;s tracking code</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184"/>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184"/>
        <source>户主</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>面积(㎡)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189"/>
        <source>客户信息</source>
        <translation>Customer details</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="203"/>
        <source>办理中的业务（回车打开）：</source>
        <translation>Open requests (Enter opens):</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="318"/>
        <source>接待用语：</source>
        <translation>Greeting: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>找到 {0} 户</source>
        <translation>{0} account(s) found</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337"/>
        <source>没有找到“{0}”，请换个关键词，或办理用热申请登记新客户</source>
        <translation>Nothing found for “{0}”; try another keyword, or register a new customer with a heating application</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361"/>
        <source>期限 {0}</source>
        <translation>due {0}</translation>
    </message>
    <message>
        <location filename="../actions.py" line="142"/>
        <source>业务(&amp;B)</source>
        <translation>&amp;Business</translation>
    </message>
    <message>
        <location filename="../actions.py" line="143"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../actions.py" line="144"/>
        <source>收费(&amp;C)</source>
        <translation>&amp;Cash</translation>
    </message>
    <message>
        <location filename="../actions.py" line="145"/>
        <source>意见簿(&amp;J)</source>
        <translation>F&amp;eedback</translation>
    </message>
    <message>
        <location filename="../actions.py" line="146"/>
        <source>值班长(&amp;S)</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <location filename="../actions.py" line="147"/>
        <source>系统(&amp;Y)</source>
        <translation>S&amp;ystem</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <source>查找客户(&amp;F)</source>
        <translation>&amp;Find customer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>下一位客户(&amp;N)</source>
        <translation>&amp;Next customer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>打开业务(&amp;O)</source>
        <translation>&amp;Open request</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>我的草稿(&amp;D)</source>
        <translation>My &amp;drafts</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="124"/>
        <source>收费(&amp;P)</source>
        <translation>Take &amp;payment</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125"/>
        <source>收费记录与更正(&amp;R)</source>
        <translation>Payment &amp;records and corrections</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127"/>
        <source>开班/交班(&amp;H)</source>
        <translation>Open/close s&amp;hift</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>申请减免(&amp;M)</source>
        <translation>Request a reduction (&amp;M)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="131"/>
        <source>欠费清单与催缴(&amp;A)</source>
        <translation>&amp;Arrears and reminders</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="133"/>
        <source>收费标准(&amp;F)</source>
        <translation>&amp;Fee schedule</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="135"/>
        <source>建立年度收费(&amp;B)</source>
        <translation>Season &amp;billing</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="137"/>
        <source>意见簿(&amp;L)</source>
        <translation>Feedback &amp;book</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="139"/>
        <source>登记意见(&amp;E)</source>
        <translation>&amp;Enter feedback</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="141"/>
        <source>待审批与超期(&amp;Q)</source>
        <translation>&amp;Queue: approvals, overdue</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143"/>
        <source>营业日报(&amp;R)</source>
        <translation>Daily &amp;register</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145"/>
        <source>套打校准(&amp;T)</source>
        <translation>Receipt form calibra&amp;tion</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147"/>
        <source>系统设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>工作日调整(&amp;W)</source>
        <translation>&amp;Working-day adjustments</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>锁定屏幕(&amp;K)</source>
        <translation>Loc&amp;k screen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>切换营业员(&amp;U)</source>
        <translation>Switch &amp;user</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155"/>
        <source>注销(&amp;O)</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263"/>
        <source>注销</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263"/>
        <source>确定注销吗？</source>
        <translation>Log out anyway?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="267"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="275"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="275"/>
        <source>确定退出吗？</source>
        <translation>Quit anyway?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285"/>
        <source>未关闭的窗口：{0}（未保存的内容将丢失）</source>
        <translation>Windows still open: {0} (what is not saved will be lost)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="289"/>
        <source>{0} 的班次尚未交班（班次仍记在其名下，下次登录可继续或交班）</source>
        <translation>{0}'s shift is not handed over yet (it stays in their name: they can continue or hand it over at their next login)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="294"/>
        <source>尚有未完成的工作：</source>
        <translation>Work is still open:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="446"/>
        <source>请先查找并选定客户</source>
        <translation>Find and select a customer first</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
</context>
<context>
    <name>NewCustomerForm</name>
    <message>
        <location filename="../wizard/new_customer.py" line="19"/>
        <source>户号(&amp;H)</source>
        <translation>Account no. (&amp;H)</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="20"/>
        <source>公司分配的户号，4-20位数字或字母</source>
        <translation>Company-assigned, 4-20 letters/digits</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="21"/>
        <source>户主类型(&amp;K)</source>
        <translation>Holder &amp;kind</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="22"/>
        <source>户主姓名/单位名称(&amp;M)</source>
        <translation>Holder na&amp;me / organisation</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="23"/>
        <source>证件号码(&amp;I)</source>
        <translation>&amp;ID no.</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="24"/>
        <source>个人填18位身份证号，单位填统一社会信用代码</source>
        <translation>18-char ID card no. or credit code</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="25"/>
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="26"/>
        <source>手机11位，或带区号的固定电话，如0371-12345678</source>
        <translation>Mobile, or landline e.g. 0371-12345678</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="27"/>
        <source>备用电话(&amp;O)</source>
        <translation>&amp;Other phone</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="28"/>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="31"/>
        <source>小区(&amp;C)</source>
        <translation>&amp;Community</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="32"/>
        <source>如 幸福小区</source>
        <translation>e.g. Xingfu Community</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="33"/>
        <source>楼号(&amp;D)</source>
        <translation>Buil&amp;ding</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="34"/>
        <source>如 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="35"/>
        <source>单元(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="35"/>
        <source>如 2</source>
        <translation>e.g. 2</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="36"/>
        <source>房号(&amp;R)</source>
        <translation>&amp;Room</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="37"/>
        <source>如 301</source>
        <translation>e.g. 301</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="38"/>
        <source>其他地址(&amp;A)</source>
        <translation>Other &amp;address</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="39"/>
        <source>没有小区楼号时填写完整地址，或补充说明</source>
        <translation>Full address if no community/building, or notes</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="40"/>
        <source>供热面积㎡(&amp;E)</source>
        <translation>H&amp;eated area m²</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="41"/>
        <source>按不动产权证记载的建筑面积，如 85.5</source>
        <translation>Floor area on the property certificate, e.g. 85.5</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="42"/>
        <source>采暖方式(&amp;G)</source>
        <translation>Heatin&amp;g type</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="57"/>
        <source>户主</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="57"/>
        <source>房屋</source>
        <translation>Premises</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="94"/>
        <source>户主姓名</source>
        <translation>Holder&apos;s name</translation>
    </message>
    <message>
        <location filename="../wizard/new_customer.py" line="94"/>
        <source>单位全称</source>
        <translation>Full name of the organisation</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../bridge.py" line="76"/>
        <location filename="../bridge.py" line="80"/>
        <source>无法确认是否已保存</source>
        <translation>Cannot confirm whether it was saved</translation>
    </message>
    <message>
        <location filename="../bridge.py" line="77"/>
        <source>

请先在记录中查看这次操作是否已经生效，再决定是否重新办理。</source>
        <translation>

Please check the records to see whether this action took effect before doing it again.</translation>
    </message>
    <message>
        <location filename="../bridge.py" line="90"/>
        <location filename="../bridge.py" line="142"/>
        <source>数据库暂时无法访问</source>
        <translation>Database temporarily unavailable</translation>
    </message>
    <message>
        <location filename="../bridge.py" line="102"/>
        <source>请检查</source>
        <translation>Please check</translation>
    </message>
    <message>
        <location filename="../bridge.py" line="107"/>
        <source>程序内部出错，本次操作未完成，已填写的内容仍在。</source>
        <translation>An internal error occurred and the operation was not completed; what you entered is still here. </translation>
    </message>
    <message>
        <location filename="../bridge.py" line="108"/>
        <source>详细信息已写入 {0}，请联系系统管理员。</source>
        <translation>Details were written to {0}; please contact the system administrator.</translation>
    </message>
    <message>
        <location filename="../bridge.py" line="110"/>
        <source>内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../bridge.py" line="122"/>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait...</translation>
    </message>
</context>
<context>
    <name>OriginalReceipt</name>
    <message>
        <location filename="../print_dialogs.py" line="157"/>
        <source>A5 纸(&amp;A)</source>
        <translation>&amp;A5 paper</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="157"/>
        <source>80 mm 热敏卷纸(&amp;R)</source>
        <translation>80 mm thermal &amp;roll</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="158"/>
        <source>套打预印收据(&amp;T)</source>
        <translation>Pre-prin&amp;ted receipt form</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="170"/>
        <source>收据版式(&amp;L)</source>
        <translation>Receipt &amp;layout</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../cash/payment.py" line="470"/>
        <source>交清应缴，业务 {0} 热费结算随收款办结</source>
        <translation>Pays everything due: the settlement {0} is completed with this payment</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="309"/>
        <source>（交清应缴即办结）</source>
        <translation> (completed when everything due is paid)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="238"/>
        <source>不收款，回去修改金额或付款方式 (Esc)</source>
        <translation>Take nothing; go back to change the amount or the method (Esc)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="236"/>
        <source>返回修改(&amp;B)</source>
        <translation>Back to change (&amp;B)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="234"/>
        <source>金额无误，收款并生成收据号 (回车)</source>
        <translation>The amount is right: take the payment and issue a receipt number (Enter)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="232"/>
        <source>确认收款(&amp;S)</source>
        <translation>Confirm payment (&amp;S)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="220"/>
        <source>收款金额：</source>
        <translation>Amount: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="206"/>
        <source>请与客户核对收款金额</source>
        <translation>Check the amount with the customer</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="188"/>
        <source>与客户核对金额，确认后收款 (回车)</source>
        <translation>Check the amount with the customer, then take the payment (Enter)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="186"/>
        <source>收款(&amp;S)…</source>
        <translation>Take payment (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="87"/>
        <source>收费</source>
        <translation>Take payment</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="122"/>
        <location filename="../cash/payment.py" line="346"/>
        <source>开班(&amp;O)…</source>
        <translation>&amp;Open shift…</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="124"/>
        <source>登记备用金开班后即可收款 (Alt+O)</source>
        <translation>Record the float to open a shift, then take payments (Alt+O)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="129"/>
        <source>应缴明细：</source>
        <translation>What is owed:</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="131"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="131"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="145"/>
        <source>收款金额(&amp;A)：</source>
        <translation>&amp;Amount: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="146"/>
        <source>元，最多两位小数；部分交费时改为实收金额</source>
        <translation>yuan, at most two decimals; for a partial payment type the amount paid</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="147"/>
        <source>元，如 1234.56</source>
        <translation>yuan, e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="152"/>
        <location filename="../cash/payment.py" line="221"/>
        <source>大写：</source>
        <translation>In words: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="161"/>
        <source>Alt+{0}；焦点在付款方式上时直接按 {0}</source>
        <translation>Alt+{0}; {0} alone when the focus is on the method</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="167"/>
        <location filename="../cash/payment.py" line="222"/>
        <location filename="../cash/payment.py" line="266"/>
        <source>付款方式：</source>
        <translation>Method: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="169"/>
        <source>实收现金(&amp;T)：</source>
        <translation>Cash &amp;tendered: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="170"/>
        <source>找零时填写客户给的金额；不填即与收款金额相同</source>
        <translation>When giving change, type what the customer handed over; empty means the amount itself</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="174"/>
        <location filename="../cash/payment.py" line="218"/>
        <location filename="../cash/payment.py" line="260"/>
        <source>找零：</source>
        <translation>Change: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="175"/>
        <source>超出应缴的部分作为预交下一采暖季热费(&amp;Y)</source>
        <translation>Amount above what is due is a prepa&amp;yment for next season</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="177"/>
        <source>预交：</source>
        <translation>Prepayment: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="190"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="191"/>
        <source>不收款，关闭 (Esc)</source>
        <translation>Close without taking a payment (Esc)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="249"/>
        <source>收款成功</source>
        <translation>Payment taken</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="264"/>
        <source>收据号：</source>
        <translation>Receipt no.: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="265"/>
        <source>金额：</source>
        <translation>Amount: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="268"/>
        <source>收费项目：</source>
        <translation>Items: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="270"/>
        <source>请将收据和找零交给客户。送别用语：</source>
        <translation>Hand the receipt and the change to the customer. Farewell: </translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="278"/>
        <source>打印收据(&amp;P)</source>
        <translation>&amp;Print receipt</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="280"/>
        <source>预览、打印或另存收据；原件只打一次 (Alt+P)</source>
        <translation>Preview, print or save the receipt; the original is printed once only (Alt+P)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="286"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="288"/>
        <source>关闭 (回车)</source>
        <translation>Close (Enter)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="303"/>
        <source>户号 {0}&#x3000;{1}&#x3000;{2}</source>
        <translation>Account no. {0}  {1}  {2}</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="306"/>
        <source>
业务：{0}&#x3000;{1}</source>
        <translation>
Request: {0}  {1}</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="298"/>
        <source>应缴金额暂时无法读取</source>
        <translation>The amount due cannot be read just now</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="325"/>
        <source>应缴合计：{0}</source>
        <translation>Total due: {0}</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="327"/>
        <source>本户没有未结清的费用</source>
        <translation>Nothing outstanding on this account</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="330"/>
        <source>预交热费时填写金额并勾选“预交”</source>
        <translation>For a prepayment type the amount and tick “Prepayment”</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="345"/>
        <source>您还没有开班：收款前请先开班（登记备用金）。</source>
        <translation>You have no open shift: open one (record the float) before taking payments.</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="349"/>
        <source>您的班次是 {0} 开的，尚未结班：请先清点现金结班，再开今天的班。</source>
        <translation>Your shift opened on {0} is not closed: count the cash and close it, then open today&apos;s shift.</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="351"/>
        <source>结班(&amp;O)…</source>
        <translation>Cl&amp;ose shift…</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="396"/>
        <source>（非现金收款无需找零）</source>
        <translation>(no change for a non-cash payment)</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="404"/>
        <source>实收金额格式不对</source>
        <translation>The tendered amount is not a valid amount</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="407"/>
        <source>实收少于收款金额</source>
        <translation>Less than the amount</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="416"/>
        <location filename="../cash/payment.py" line="466"/>
        <source>其中 {0} 作为预交下一采暖季热费</source>
        <translation>of which {0} is a prepayment for next season</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="419"/>
        <source>超出应缴 {0}：如为预交下一采暖季热费，请勾选“预交”</source>
        <translation>{0} above what is due: if it is a prepayment for next season, tick “Prepayment”</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="423"/>
        <location filename="../cash/payment.py" line="468"/>
        <source>部分交费：交后尚欠 {0}</source>
        <translation>Partial payment: {0} still owed afterwards</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="513"/>
        <source>收据原件已打印；如需再打，请在“收费记录与更正”中补打副本</source>
        <translation>The original receipt has been printed; to print it again, reprint a copy in “Payments and corrections”</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="514"/>
        <source>收据原件已另存为电子版；如需再打，请在“收费记录与更正”中补打副本</source>
        <translation>The original receipt has been saved as PDF; to print it again, reprint a copy in “Payments and corrections”</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="519"/>
        <source>收费 - 收据 {0}</source>
        <translation>Take payment - receipt {0}</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="521"/>
        <source>{0}（大写：{1}）</source>
        <translation>{0} (in words: {1})</translation>
    </message>
    <message>
        <location filename="../cash/payment.py" line="458"/>
        <location filename="../cash/payment.py" line="524"/>
        <source>&#x3000;实收 {0}</source>
        <translation>  tendered {0}</translation>
    </message>
</context>
<context>
    <name>PaymentHistoryDialog</name>
    <message>
        <location filename="../cash/history.py" line="46"/>
        <source>收费记录与更正</source>
        <translation>Payments and corrections</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="53"/>
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="53"/>
        <source>收款时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="53"/>
        <source>付款方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="54"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="54"/>
        <source>收款人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="54"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="55"/>
        <source>补打次数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="72"/>
        <source>补打(副本)(&amp;P)</source>
        <translation>Re&amp;print (copy)</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="75"/>
        <source>补打一份副本（副本编号依次为 1、2……），在预览中打印或另存 (Alt+P)</source>
        <translation>Reprint a copy (numbered copy 1, 2 …) and print or save it from the preview (Alt+P)</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="77"/>
        <source>作废(&amp;V)…</source>
        <translation>&amp;Void…</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="79"/>
        <source>只限当天、尚未结班的收款；须值班长批准 (Alt+V)</source>
        <translation>Only a payment of today in an open shift; needs a supervisor&apos;s approval (Alt+V)</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="81"/>
        <source>退款(&amp;R)…</source>
        <translation>&amp;Refund…</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="83"/>
        <source>退回全部或部分金额；须值班长批准 (Alt+R)</source>
        <translation>Refund all or part of the amount; needs a supervisor&apos;s approval (Alt+R)</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="85"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="86"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="124"/>
        <source>户号 {0}&#x3000;{1}&#x3000;{2}</source>
        <translation>Account no. {0}  {1}  {2}</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="109"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="112"/>
        <source>已全额退款</source>
        <translation>Fully refunded</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="114"/>
        <source>已退 {0}</source>
        <translation>Refunded {0}</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="115"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="141"/>
        <source>该户还没有收款记录</source>
        <translation>No payments on this account yet</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="162"/>
        <source>收据 {0}：{1}（大写：{2}）</source>
        <translation>Receipt {0}: {1} (in words: {2})</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="166"/>
        <source>已作废，原因：{0}</source>
        <translation>Voided, reason: {0}</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="168"/>
        <source>{0} 退款 {1}（{2}），原因：{3}；经办 {4}，批准 {5}</source>
        <translation>{0} refund {1} ({2}), reason: {3}; by {4}, approved by {5}</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="172"/>
        <source>已补打 {0} 份副本</source>
        <translation>{0} copies reprinted</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="189"/>
        <source>收据 {0} 已登记补打：副本 {1}。请在预览中打印或另存。</source>
        <translation>Receipt {0} reprinted: copy {1}. Print or save it from the preview.</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="202"/>
        <source>收据 {0} 已作废（批准人：{1}）</source>
        <translation>Receipt {0} voided (approved by {1})</translation>
    </message>
    <message>
        <location filename="../cash/history.py" line="205"/>
        <source>收据 {0} 已退款 {1}（{2}，批准人：{3}），请将退款交给客户</source>
        <translation>Receipt {0} refunded {1} ({2}, approved by {3}); hand the refund to the customer</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../printing.py" line="431"/>
        <source>预览(&amp;V)…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../printing.py" line="432"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../printing.py" line="433"/>
        <source>另存为电子版(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <location filename="../print_dialogs.py" line="49"/>
        <source>受理回执 {0}</source>
        <translation>Acceptance slip {0}</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="57"/>
        <source>一次性告知单 {0}</source>
        <translation>One-time notice {0}</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="65"/>
        <source>供热合同 {0}</source>
        <translation>Heating contract {0}</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="73"/>
        <source>交接班记录 {0} {1}</source>
        <translation>Handover sheet {0} {1}</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="83"/>
        <source>催缴通知单 {0}</source>
        <translation>Payment reminders {0}</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="91"/>
        <source>营业日报 {0}</source>
        <translation>Daily register {0}</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="128"/>
        <source>收款收据 {0} 副本</source>
        <translation>Receipt {0} copy</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="129"/>
        <source>收款收据 {0}</source>
        <translation>Receipt {0}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../printing.py" line="165"/>
        <source>无法开始打印：打印机“{0}”不可用，请检查打印机是否开机、联网，或另选打印机</source>
        <translation>Cannot start printing: printer “{0}” is not available. Check that it is switched on and connected, or choose another printer</translation>
    </message>
    <message>
        <location filename="../printing.py" line="178"/>
        <source>打印中断：打印机不接受新的一页，请检查打印机后重新打印</source>
        <translation>Printing interrupted: the printer did not accept a new page. Check the printer and print again</translation>
    </message>
    <message>
        <location filename="../printing.py" line="284"/>
        <source>打印预览 - {0}</source>
        <translation>Print preview - {0}</translation>
    </message>
    <message>
        <location filename="../printing.py" line="302"/>
        <location filename="../printing.py" line="364"/>
        <source>另存为电子版</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../printing.py" line="305"/>
        <source>另存为电子版 ({0})</source>
        <translation>Save as PDF ({0})</translation>
    </message>
    <message>
        <location filename="../printing.py" line="328"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../printing.py" line="365"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReductionDialog</name>
    <message>
        <location filename="../fees/reduction.py" line="37"/>
        <source>如：低保证编号</source>
        <translation>e.g. the minimum-living-allowance card no.</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="38"/>
        <source>如：特困供养证编号</source>
        <translation>e.g. the extreme-hardship support card no.</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="39"/>
        <source>如：测温记录单号</source>
        <translation>e.g. the room-temperature record no.</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="49"/>
        <source>申请减免</source>
        <translation>Request a reduction</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="58"/>
        <source>{0}&#x3000;{1}&#x3000;{2}</source>
        <translation>{0}  {1}  {2}</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="66"/>
        <source>减免类别(&amp;K)：</source>
        <translation>&amp;Kind of reduction:</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="68"/>
        <source>采暖季(&amp;S)：</source>
        <translation>Heating &amp;season:</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="68"/>
        <source>如 2025-2026</source>
        <translation>e.g. 2025-2026</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="70"/>
        <source>减免原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="71"/>
        <source>如：城市低保户；12月入户测温14℃</source>
        <translation>e.g. urban minimum-allowance household; 14 °C measured in December</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="73"/>
        <source>证明材料(&amp;D)：</source>
        <translation>Supporting &amp;document:</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="75"/>
        <source>按比例(&amp;P)</source>
        <translation>By &amp;percentage</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="76"/>
        <source>按金额(&amp;Y)</source>
        <translation>B&amp;y amount</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="87"/>
        <source>减免方式：</source>
        <translation>Reduction by:</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="89"/>
        <source>减免比例（%）(&amp;E)：</source>
        <translation>P&amp;ercentage (%):</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="90"/>
        <source>占本季热费的百分比，如 50</source>
        <translation>Percent of the season&apos;s heating fee, e.g. 50</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="92"/>
        <source>减免金额（元）(&amp;A)：</source>
        <translation>&amp;Amount (yuan):</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="93"/>
        <source>固定金额，如 300.00</source>
        <translation>A fixed amount, e.g. 300.00</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="98"/>
        <source>提交后须经值班长审批（不能由申请人本人审批），批准后作为单独的减免行计入该户本季账单。</source>
        <translation>After submitting, a supervisor must approve it (not the person who requested it); once approved it becomes its own reduction line on the account&apos;s bill for the season.</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="107"/>
        <source>提交审批(&amp;O)</source>
        <translation>Submit f&amp;or approval</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="108"/>
        <source>提交减免申请 (Alt+O，或 Ctrl+Enter)</source>
        <translation>Submit the reduction request (Alt+O, or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="110"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="111"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="146"/>
        <source>减免比例</source>
        <translation>The reduction percentage</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="149"/>
        <source>减免金额</source>
        <translation>The reduction amount</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="151"/>
        <source>减免金额应大于0</source>
        <translation>The reduction amount must be more than 0</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="168"/>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../fees/reduction.py" line="169"/>
        <source>减免申请已提交，等待值班长审批。批准后，减免作为单独一行计入该户账单。</source>
        <translation>The reduction request is submitted and waits for a supervisor&apos;s approval. Once approved, the reduction becomes its own line on the account&apos;s bill.</translation>
    </message>
</context>
<context>
    <name>ReductionPanel</name>
    <message>
        <location filename="../fees/reductions_panel.py" line="40"/>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="40"/>
        <source>户主</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="40"/>
        <source>采暖季</source>
        <translation>Heating season</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="40"/>
        <source>减免类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="41"/>
        <source>比例/金额</source>
        <translation>Percent / amount</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="41"/>
        <source>减免原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="41"/>
        <source>证明材料</source>
        <translation>Supporting document</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="41"/>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="42"/>
        <source>申请时间</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="48"/>
        <source>审批意见(&amp;N)：</source>
        <translation>Decision &amp;note:</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="49"/>
        <source>批准可不填；驳回须写明原因</source>
        <translation>Optional when approving; required when refusing</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="56"/>
        <source>批准减免(&amp;A)</source>
        <translation>&amp;Approve reduction</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="57"/>
        <source>批准选中的减免申请 (Alt+A)</source>
        <translation>Approve the selected reduction request (Alt+A)</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="59"/>
        <source>驳回(&amp;J)</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="60"/>
        <source>驳回选中的减免申请，须填写审批意见 (Alt+J)</source>
        <translation>Refuse the selected reduction request; a decision note is required (Alt+J)</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="109"/>
        <source>{0} {1}&#x3000;{2}采暖季{3}（{4}）</source>
        <translation>{0} {1}  {2} heating season, {3} ({4})</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="112"/>
        <source>批准减免</source>
        <translation>Approve reduction</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="113"/>
        <source>批准{0}？
批准后作为减免行计入该户本季账单，不能撤回。</source>
        <translation>Approve {0}?
Once approved it becomes a reduction line on the account&apos;s bill for the season and cannot be withdrawn.</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="121"/>
        <source>已批准：{0}</source>
        <translation>Approved: {0}</translation>
    </message>
    <message>
        <location filename="../fees/reductions_panel.py" line="121"/>
        <source>已驳回：{0}</source>
        <translation>Refused: {0}</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../print_dialogs.py" line="208"/>
        <source>营业日报</source>
        <translation>Daily register</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="218"/>
        <source>营业日期；Alt+↓ 打开日历</source>
        <translation>Business day; Alt+Down opens the calendar</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="219"/>
        <source>营业日期(&amp;D)：</source>
        <translation>Business &amp;day:</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="224"/>
        <source>营业日报列出当天受理的业务、每位营业员的收款、作废与退款、超期业务和账本校验值。</source>
        <translation>The daily register lists the requests handled that day, each clerk&apos;s payments, voids and refunds, the overdue requests and the ledger&apos;s check value.</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="233"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="234"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../print_dialogs.py" line="240"/>
        <source>预览营业日报 (回车)</source>
        <translation>Preview the daily register (Enter)</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../feedback/dialogs.py" line="127"/>
        <source>{0}（已超期）</source>
        <translation>{0} (overdue)</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="129"/>
        <source>答复期限：</source>
        <translation>Reply deadline:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="130"/>
        <source>处理结果和答复客户的内容</source>
        <translation>What was done, and the reply to the customer</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="131"/>
        <source>答复内容(&amp;R)：</source>
        <translation>&amp;Reply:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="132"/>
        <source>为什么没有在期限内答复</source>
        <translation>Why the reply was not made by the deadline</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="133"/>
        <source>超期原因(&amp;L)：</source>
        <translation>Reason for &amp;lateness:</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="135"/>
        <source>致歉用语（请对客户说）</source>
        <translation>Apology (say to the customer)</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../requests/dialog.py" line="73"/>
        <source>业务详情</source>
        <translation>Request details</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="100"/>
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="100"/>
        <source>户号：</source>
        <translation>Account no.:</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="101"/>
        <source>承办人：</source>
        <translation>Handled by:</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="101"/>
        <source>登记时间：</source>
        <translation>Registered:</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="102"/>
        <source>办理期限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="103"/>
        <source>查询码：</source>
        <translation>Tracking code:</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="127"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="127"/>
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="127"/>
        <source>事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="128"/>
        <source>办理人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="128"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="128"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="129"/>
        <source>超期原因</source>
        <translation>Reason for delay</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="138"/>
        <source>办理经过(&amp;T)</source>
        <translation>His&amp;tory</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="139"/>
        <source>材料(&amp;M)</source>
        <translation>Docu&amp;ments</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="140"/>
        <source>申请内容(&amp;I)</source>
        <translation>Appl&amp;ication</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="143"/>
        <source>办理</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="151"/>
        <source>打印受理单(&amp;P)</source>
        <translation>&amp;Print acceptance slip</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="153"/>
        <source>打印合同(&amp;C)</source>
        <translation>Print &amp;contract</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="156"/>
        <source>预览、打印或另存受理回执 (Alt+P)</source>
        <translation>Preview, print or save the acceptance slip (Alt+P)</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="160"/>
        <location filename="../requests/dialog.py" line="220"/>
        <source>预览、打印或另存供热合同 (Alt+C)</source>
        <translation>Preview, print or save the heating contract (Alt+C)</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="169"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="152"/>
        <source>打印一次性告知单(&amp;O)</source>
        <translation>Print &amp;one-time notice</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="158"/>
        <source>预览、打印或另存一次性告知单 (Alt+O)</source>
        <translation>Preview, print or save the one-time notice (Alt+O)</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="170"/>
        <source>刷新 ({0})</source>
        <translation>Refresh ({0})</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="173"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="174"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="185"/>
        <source>无法打开该业务</source>
        <translation>Cannot open this request</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="191"/>
        <source>业务详情 - {0} {1}</source>
        <translation>Request details - {0} {1}</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="194"/>
        <source>（新户）</source>
        <translation>(new account)</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="221"/>
        <source>签订供热合同后可打印合同</source>
        <translation>The contract can be printed once it is signed</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="232"/>
        <source>已超期，请向客户致歉：</source>
        <translation>Overdue; apologise to the customer: </translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="234"/>
        <source>已超期，请点“说明超期原因”记录原因，并向客户致歉：</source>
        <translation>Overdue; click “Explain delay” to record the reason, and apologise to the customer: </translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="237"/>
        <source>请向客户致歉：</source>
        <translation>Apologise to the customer: </translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="257"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="257"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="277"/>
        <source>本业务状态为“{0}”，已关闭，不能再办理。</source>
        <translation>This request is “{0}” and closed; no further steps are possible.</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="291"/>
        <source>材料不全，不能{0}：缺少{1}。请在“材料”页登记补交，或请值班长批准免交</source>
        <translation>Documents incomplete, cannot {0}: missing {1}. Record them on the “Documents” tab, or ask a supervisor to waive them</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="295"/>
        <source>请值班长审批：{0}(&amp;V)…</source>
        <translation>Super&amp;visor approval: {0}…</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="297"/>
        <source>“{0}”须由值班长登录本人账号办理 (Alt+V)</source>
        <translation>“{0}” must be done by a supervisor logged in with their own account (Alt+V)</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="302"/>
        <source>说明超期原因(&amp;E)…</source>
        <translation>&amp;Explain delay…</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="307"/>
        <source>移交(&amp;H)…</source>
        <translation>&amp;Hand over…</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="312"/>
        <source>当前状态下您没有可办理的步骤。</source>
        <translation>There is nothing for you to do in this status.</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="362"/>
        <source>值班长审批</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <location filename="../requests/dialog.py" line="363"/>
        <source>“{0}”须由值班长批准：请值班长登录本人账号，本次操作记在值班长名下。</source>
        <translation>“{0}” needs a supervisor&apos;s approval: the supervisor logs in with their own account, and the step is recorded under the supervisor&apos;s name.</translation>
    </message>
</context>
<context>
    <name>RequestView</name>
    <message>
        <location filename="../requests/common.py" line="37"/>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="38"/>
        <source>移交</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="39"/>
        <source>批准免交材料</source>
        <translation>Waive document</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="40"/>
        <source>说明超期原因</source>
        <translation>Explain delay</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="41"/>
        <source>重新核定期限</source>
        <translation>Deadline recounted</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="68"/>
        <source>无办理期限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="73"/>
        <source>{0}&#x3000;已超期 {1} 个工作日</source>
        <translation>{0} (overdue by {1} working days)</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="75"/>
        <source>{0}&#x3000;已超期</source>
        <translation>{0} (overdue)</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="78"/>
        <source>{0}&#x3000;今天到期</source>
        <translation>{0} (due today)</translation>
    </message>
    <message>
        <location filename="../requests/common.py" line="80"/>
        <source>{0}&#x3000;剩余 {1} 个工作日</source>
        <translation>{0} ({1} working days left)</translation>
    </message>
    <message>
        <location filename="../requests/documents.py" line="37"/>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="278"/>
        <source>{0}{1}无权{2}，请值班长登录本人账号</source>
        <translation>{0} {1} may not {2}; a supervisor must log in with their own account</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../fees/schedule.py" line="46"/>
        <source>收费标准</source>
        <translation>Fee schedule</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="57"/>
        <source>保存即发布该采暖季的新版本；已发布的版本不能修改。新版本不影响已开出的账单。</source>
        <translation>Saving publishes a new version for the season; published versions cannot be changed. A new version does not change bills already made.</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="63"/>
        <source>发布新版本(&amp;P)</source>
        <translation>&amp;Publish new version</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="65"/>
        <source>发布新版本 (Alt+P，或 Ctrl+Enter)</source>
        <translation>Publish the new version (Alt+P, or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="68"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="69"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="85"/>
        <source>收费标准由管理员发布，{0}{1}只能查看。</source>
        <translation>Fee schedules are published by administrators; {0} {1} may only view them.</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="99"/>
        <source>已发布的版本</source>
        <translation>Published versions</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="102"/>
        <source>版本列表(&amp;V)：</source>
        <translation>&amp;Versions:</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="104"/>
        <source>采暖季</source>
        <translation>Heating season</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="104"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="104"/>
        <source>价格文件号</source>
        <translation>Price decree no.</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="104"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="105"/>
        <source>采暖期</source>
        <translation>Heating period</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="106"/>
        <source>基本热费</source>
        <translation>Basic fee</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="106"/>
        <source>滞纳金/日</source>
        <translation>Late fee / day</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="112"/>
        <source>以选中版本为底稿(&amp;C)</source>
        <translation>&amp;Copy selected version</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="113"/>
        <source>把选中版本的内容填入下面的新版本 (Alt+C)</source>
        <translation>Fill the new version below from the selected version (Alt+C)</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="124"/>
        <source>尚未发布收费标准</source>
        <translation>No fee schedule published yet</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="129"/>
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="145"/>
        <source>第{0}版</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="147"/>
        <source>{0}（现行）</source>
        <translation>{0} (in force)</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="149"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="174"/>
        <source>备注：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="175"/>
        <source>发布时间：{0}</source>
        <translation>Published: {0}</translation>
    </message>
    <message>
        <location filename="../fees/schedule.py" line="204"/>
        <source>已发布{0}采暖季收费标准第{1}版。新版本不影响已开出的账单；未缴费账户可通过“建立年度收费”按新版本重新生成。</source>
        <translation>Published version {1} of the {0} fee schedule. A new version does not change bills already made; unpaid accounts can be rebilled on it with “Season billing”.</translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <location filename="../fees/schedule_form.py" line="56"/>
        <source>如 2025-11-15</source>
        <translation>e.g. 2025-11-15</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="57"/>
        <source>采暖季(&amp;S)：</source>
        <translation>Heating &amp;season:</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="57"/>
        <source>如 2025-2026</source>
        <translation>e.g. 2025-2026</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="59"/>
        <source>价格文件号(&amp;W)：</source>
        <translation>Price decree (&amp;W):</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="60"/>
        <source>物价部门的定价文件，如 价格〔2025〕12号</source>
        <translation>The price authority&apos;s decree, e.g. Price [2025] No. 12</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="61"/>
        <source>生效日期(&amp;E)：</source>
        <translation>&amp;Effective from:</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="62"/>
        <source>自该日起新开的账单按本版计算</source>
        <translation>Bills made from this day on use this version</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="63"/>
        <source>采暖开始(&amp;K)：</source>
        <translation>Season start (&amp;K):</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="64"/>
        <source>采暖结束(&amp;J)：</source>
        <translation>Season end (&amp;J):</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="65"/>
        <source>缴费截止(&amp;U)：</source>
        <translation>Payment d&amp;ue date:</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="66"/>
        <source>次日起加收滞纳金</source>
        <translation>The late fee runs from the next day</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="67"/>
        <source>停热基本热费（%）(&amp;B)：</source>
        <translation>&amp;Basic fee when stopped (%):</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="68"/>
        <source>停热户按热费的百分之几收取，常见 30</source>
        <translation>Percent of the heating fee owed by a stopped account, commonly 30</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="69"/>
        <source>滞纳金（‰/日）(&amp;L)：</source>
        <translation>&amp;Late fee (‰ per day):</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="70"/>
        <source>每日按欠费的千分之几，常见 3</source>
        <translation>Per mille of the amount owed, per day, commonly 3</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="71"/>
        <source>提前交费优惠（%）(&amp;Y)：</source>
        <translation>Earl&amp;y payment discount (%):</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="72"/>
        <source>不设优惠填 0</source>
        <translation>0 for no discount</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="73"/>
        <source>优惠截止(&amp;I)：</source>
        <translation>D&amp;iscount until:</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="74"/>
        <source>不设优惠留空</source>
        <translation>Leave empty for no discount</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="75"/>
        <source>备注(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="75"/>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="102"/>
        <source>单价（元/平方米·采暖期）</source>
        <translation>Prices (yuan per m² per season)</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="113"/>
        <source>{0}{1}，元/平方米，最多两位小数</source>
        <translation>{0} {1}, yuan per m², at most two decimals</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="123"/>
        <source>单价(&amp;R)：</source>
        <translation>P&amp;rices:</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="129"/>
        <source>业务收费项目</source>
        <translation>Business fee items</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="131"/>
        <source>收费项目(&amp;M)：只有列在这里的项目才能收取（如关阀施封费）</source>
        <translation>Fee ite&amp;ms: only the items listed here can be charged (e.g. valve sealing)</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="135"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="135"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="135"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="139"/>
        <source>代码为小写英文，如 valve_seal；F2 或双击修改单元格</source>
        <translation>Codes are lower-case English, e.g. valve_seal; F2 or a double click edits a cell</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="149"/>
        <source>添加项目(&amp;A)</source>
        <translation>&amp;Add item</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="152"/>
        <source>删除项目(&amp;X)</source>
        <translation>Remove item (&amp;X)</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="276"/>
        <source>停热基本热费比例</source>
        <translation>The basic fee percentage</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="279"/>
        <source>滞纳金日费率</source>
        <translation>The daily late fee rate</translation>
    </message>
    <message>
        <location filename="../fees/schedule_form.py" line="282"/>
        <source>提前交费优惠比例</source>
        <translation>The early payment discount</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../lock.py" line="171"/>
        <source>请登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../lock.py" line="171"/>
        <source>退出程序</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location filename="../lock.py" line="172"/>
        <source>请用本人账号登录。</source>
        <translation>Log in with your own account.</translation>
    </message>
    <message>
        <location filename="../lock.py" line="174"/>
        <source>{0} 未完成的工作已保留，本人登录后继续。</source>
        <translation> The open work of {0} is kept; it continues when they log in.</translation>
    </message>
    <message>
        <location filename="../lock.py" line="176"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../lock.py" line="177"/>
        <source>屏幕已锁定。请 {0} 输入本人密码解锁；值班长可用本人账号登录接管。</source>
        <translation>The screen is locked. {0}, enter your password to unlock; a supervisor can take over by logging in with their own account.</translation>
    </message>
    <message>
        <location filename="../lock.py" line="180"/>
        <source>{0} 也可用本人账号登录，回到自己的工作。</source>
        <translation> {0} may also log in with their own account to return to their work.</translation>
    </message>
</context>
<context>
    <name>SeasonBillingDialog</name>
    <message>
        <location filename="../fees/season.py" line="55"/>
        <source>建立年度收费</source>
        <translation>Season billing</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="58"/>
        <source>为每个账户按现行收费标准开出本采暖季的账单。已有缴费的账户保留原账单；未缴费账户的账单在收费标准变化后重新生成，没有变化的保持不变。可以重复运行。</source>
        <translation>Makes every account&apos;s bill for the season from the fee schedule in force. Accounts with payments keep their bill; unpaid bills are regenerated when the schedule changed and stay as they are otherwise. It can be run again.</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="68"/>
        <source>采暖季(&amp;S)：</source>
        <translation>Heating &amp;season:</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="68"/>
        <source>如 2025-2026</source>
        <translation>e.g. 2025-2026</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="72"/>
        <source>将采用的收费标准</source>
        <translation>Fee schedule to be used</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="86"/>
        <source>正在建立账单，请稍候……（账户多时需要几分钟，完成前不能关闭本窗口）</source>
        <translation>Making the bills, please wait... (a few minutes with many accounts; the window cannot be closed before it finishes)</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="93"/>
        <source>本次运行结果</source>
        <translation>Result of this run</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="112"/>
        <source>开始(&amp;B)</source>
        <translation>&amp;Begin</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="113"/>
        <source>为所有账户建立本采暖季账单 (Alt+B，或回车)</source>
        <translation>Make the season&apos;s bills for all accounts (Alt+B, or Enter)</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="116"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="117"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="157"/>
        <source>（无：请管理员先在“收费标准”中发布）</source>
        <translation>(none: an administrator must publish one in “Fee schedule” first)</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="190"/>
        <source>{0} 户</source>
        <translation>{0} account(s)</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="191"/>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location filename="../fees/season.py" line="192"/>
        <source>{0}采暖季账单已按收费标准第{1}版建立。</source>
        <translation>The {0} bills are made on version {1} of the fee schedule.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings/settings_dialog.py" line="42"/>
        <source>系统设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="16"/>
        <source>公司名称(&amp;C)</source>
        <translation>&amp;Company name</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="17"/>
        <source>印在合同、票据上，并用于接待用语</source>
        <translation>Printed on contracts and receipts, and used in the greeting</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="18"/>
        <source>营业厅名称(&amp;H)</source>
        <translation>&amp;Hall name</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="19"/>
        <source>如：客户服务中心、城东营业厅</source>
        <translation>e.g. Customer Service Centre, East City Hall</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="20"/>
        <source>营业厅地址(&amp;A)</source>
        <translation>Hall &amp;address</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="21"/>
        <location filename="../settings/settings_dialog.py" line="23"/>
        <source>居民查询页面上显示</source>
        <translation>Shown on the residents&apos; tracking page</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="22"/>
        <source>服务电话(&amp;P)</source>
        <translation>Service &amp;phone</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="24"/>
        <source>营业时间(&amp;O)</source>
        <translation>&amp;Opening hours</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="25"/>
        <source>如：周一至周日 8:30-17:30（采暖期）</source>
        <translation>e.g. Mon-Sun 8:30-17:30 (heating season)</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="26"/>
        <source>查询网址(&amp;U)</source>
        <translation>Tracking &amp;URL</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="27"/>
        <source>二维码中的网址前缀，如 https://heat.example.com/t/</source>
        <translation>URL prefix in the QR code, e.g. https://heat.example.com/t/</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="28"/>
        <source>无操作锁屏（分钟）(&amp;L)</source>
        <translation>Idle &amp;lock after (minutes)</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="29"/>
        <source>柜台无人操作多少分钟后锁定屏幕</source>
        <translation>Minutes without activity before the counter&apos;s screen locks</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="30"/>
        <source>举报答复期限（工作日）(&amp;R)</source>
        <translation>&amp;Report reply deadline (working days)</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="31"/>
        <source>投诉固定为5个工作日</source>
        <translation>Complaints are fixed at 5 working days</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="32"/>
        <source>时区(&amp;Z)</source>
        <translation>Time &amp;zone</translation>
    </message>
    <message>
        <location filename="../settings/settings_dialog.py" line="33"/>
        <source>默认 Asia/Shanghai</source>
        <translation>Default Asia/Shanghai</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../cash/shift.py" line="112"/>
        <source>开班：清点放入钱箱的备用金（找零用现金），登记后即可收款。</source>
        <translation>Open a shift: count the float put in the drawer (cash for change); once recorded you can take payments.</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="117"/>
        <source>备用金(&amp;F)：</source>
        <translation>&amp;Float: </translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="118"/>
        <source>元，如 500；没有备用金填 0</source>
        <translation>yuan, e.g. 500; 0 when there is no float</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="121"/>
        <source>开班(&amp;O)</source>
        <translation>&amp;Open shift</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="123"/>
        <source>登记备用金并开班 (回车)</source>
        <translation>Record the float and open the shift (Enter)</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="125"/>
        <location filename="../cash/shift.py" line="203"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="143"/>
        <source>付款方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="143"/>
        <source>收款笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="143"/>
        <source>收款</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="144"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="144"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="144"/>
        <source>净额</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="150"/>
        <source>备用金加现金收款，减现金作废和现金退款；银行卡、微信、支付宝、转账不进钱箱</source>
        <translation>Float plus cash payments, less cash voids and cash refunds; card, WeChat Pay, Alipay and transfers do not go into the drawer</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="153"/>
        <source>按面额清点钱箱现金（张/枚）</source>
        <translation>Count the drawer by denomination (notes/coins)</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="167"/>
        <source>{0}的张数或枚数；回车到下一面额</source>
        <translation>Number of {0} notes or coins; Enter goes to the next denomination</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="185"/>
        <source>清点合计：</source>
        <translation>Counted: </translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="186"/>
        <source>差额：</source>
        <translation>Difference: </translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="192"/>
        <source>差额原因(&amp;R)：</source>
        <translation>&amp;Reason for the difference: </translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="193"/>
        <source>有差额时必填，并须值班长用本人账号登录确认</source>
        <translation>Required when there is a difference, confirmed by a supervisor logging in with their own account</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="195"/>
        <source>打印交接班表</source>
        <translation>Print handover sheet</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="197"/>
        <source>结班后即可打印交接班表</source>
        <translation>The handover sheet can be printed once the shift is closed</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="199"/>
        <source>结班(&amp;C)</source>
        <translation>&amp;Close shift</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="201"/>
        <source>按清点结果结班 (Alt+C)</source>
        <translation>Close the shift with this count (Alt+C)</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="216"/>
        <source>已结班</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="225"/>
        <source>打印交接班表(&amp;P)</source>
        <translation>&amp;Print handover sheet</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="227"/>
        <source>预览、打印或另存本班的交接班表 (Alt+P)</source>
        <translation>Preview, print or save this shift&apos;s handover sheet (Alt+P)</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="233"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="235"/>
        <source>关闭 (回车)</source>
        <translation>Close (Enter)</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="244"/>
        <source>开班 - {0}</source>
        <translation>Open shift - {0}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="249"/>
        <source>交班结账 - {0}</source>
        <translation>Close shift - {0}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="253"/>
        <source>班次开始：{0}&#x3000;备用金：{1}</source>
        <translation>Shift opened: {0}  Float: {1}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="256"/>
        <source>该班次是 {0} 开的，尚未结班：请清点现金结班，再开今天的班（当天事情当天办）。</source>
        <translation>This shift opened on {0} and is not closed: count the cash and close it, then open today&apos;s shift (the day&apos;s business is done the same day).</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="276"/>
        <source>本班尚无收款</source>
        <translation>No payments in this shift yet</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="282"/>
        <source>钱箱应有现金：{0}</source>
        <translation>Cash expected in the drawer: {0}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="302"/>
        <source>无差额</source>
        <translation>No difference</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="305"/>
        <location filename="../cash/shift.py" line="326"/>
        <location filename="../cash/shift.py" line="347"/>
        <source>长款</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="305"/>
        <location filename="../cash/shift.py" line="326"/>
        <location filename="../cash/shift.py" line="347"/>
        <source>短款</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="306"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="316"/>
        <source>已开班，备用金 {0}</source>
        <translation>Shift opened, float {0}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="328"/>
        <source>清点合计与应有现金不符（{0} {1}）：请重新清点，或填写差额原因并请值班长确认</source>
        <translation>The count does not match the expected cash ({0} {1}): count again, or give the reason and ask a supervisor to confirm</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="332"/>
        <source>值班长确认现金差额</source>
        <translation>Supervisor confirms a cash difference</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="333"/>
        <source>结班现金差额 {0}，原因：{1}。须由值班长确认：请值班长登录本人账号。</source>
        <translation>Cash difference at close {0}, reason: {1}. A supervisor must confirm: supervisor, please log in with your own account.</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="335"/>
        <source>现金差额</source>
        <translation>Cash difference</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="348"/>
        <source>应有现金 {0}，清点 {1}，{2} {3}。</source>
        <translation>Expected cash {0}, counted {1}, {2} {3}.</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="350"/>
        <source>
差额原因：{0}；确认人：{1}</source>
        <translation>
Reason for the difference: {0}; confirmed by {1}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="353"/>
        <source>应有现金 {0}，清点 {1}，无差额。</source>
        <translation>Expected cash {0}, counted {1}, no difference.</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="356"/>
        <source>已结班 - {0}</source>
        <translation>Shift closed - {0}</translation>
    </message>
    <message>
        <location filename="../cash/shift.py" line="361"/>
        <source>已结班：清点 {0}</source>
        <translation>Shift closed: counted {0}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../requests/steps.py" line="122"/>
        <source>请确认：{0}。审批决定记入办理经过并告知客户，确认后不能撤回或改为其他决定。</source>
        <translation>Please confirm: {0}. A decision is recorded in the history and told to the customer; once confirmed it cannot be withdrawn or changed.</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="110"/>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="111"/>
        <source>必填：写明办理情况</source>
        <translation>Required: describe what was done</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="112"/>
        <source>可不填，默认记为“{0}”</source>
        <translation>Optional; recorded as “{0}” if left empty</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="115"/>
        <source>已超过办理期限（{0}），请填写超期原因，并向客户说明原因、致歉。</source>
        <translation>The deadline ({0}) has passed: enter the reason for the delay, explain it to the customer and apologise.</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="117"/>
        <source>超期原因(&amp;R)：</source>
        <translation>&amp;Reason for delay:</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="118"/>
        <source>必填：将记入办理经过</source>
        <translation>Required; recorded in the history</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="125"/>
        <source>此步骤完成后本业务即告“{0}”，不能再修改。</source>
        <translation>After this step the request is “{0}” and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="132"/>
        <source>{0}须填写说明</source>
        <translation>{0} needs a note</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="134"/>
        <source>请填写超期原因</source>
        <translation>Enter the reason for the delay</translation>
    </message>
</context>
<context>
    <name>SupervisorQueue</name>
    <message>
        <location filename="../requests/queue.py" line="57"/>
        <location filename="../requests/queue.py" line="98"/>
        <source>待审批与超期</source>
        <translation>Pending approvals and overdue requests</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="63"/>
        <source>待审批与超期清单仅供值班长、管理员查看，{0}{1}无权打开。需要审批时，请值班长登录本人账号。</source>
        <translation>The list of pending approvals and overdue requests is for supervisors and administrators only; {0} {1} may not open it. When an approval is needed, ask a supervisor to log in with their own account.</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="69"/>
        <location filename="../requests/queue.py" line="117"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="70"/>
        <location filename="../requests/queue.py" line="118"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="84"/>
        <source>业务编号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="84"/>
        <source>业务类型</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="84"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="84"/>
        <location filename="../requests/queue.py" line="93"/>
        <source>承办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="85"/>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="85"/>
        <source>待审批事项</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="94"/>
        <source>超期（工作日）</source>
        <translation>Overdue (working days)</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="94"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="101"/>
        <source>减免审批</source>
        <translation>Reduction approvals</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="103"/>
        <source>Ctrl+Tab 切换</source>
        <translation>Ctrl+Tab switches</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="111"/>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="114"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="135"/>
        <source>减免审批（{0}）</source>
        <translation>Reduction approvals ({0})</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="154"/>
        <source>待审批（{0}）</source>
        <translation>Pending approval ({0})</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="157"/>
        <source>不足1</source>
        <translation>&lt; 1</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="168"/>
        <source>已超期（{0}）</source>
        <translation>Overdue ({0})</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="93"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="93"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="93"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="94"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="108"/>
        <source>选中一行按回车或双击打开业务或意见。</source>
        <translation>Select a row and press Enter or double-click to open the request or feedback entry.</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="112"/>
        <source>打开选中的业务或意见 (Alt+O，或回车)</source>
        <translation>Open the selected request or feedback entry (Alt+O, or Enter)</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="115"/>
        <source>刷新 ({0})</source>
        <translation>Refresh ({0})</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="156"/>
        <source>（未留姓名）</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="164"/>
        <source>期限已过，其间只有休息日</source>
        <translation>The deadline has passed, with only days off since</translation>
    </message>
    <message>
        <location filename="../requests/queue.py" line="169"/>
        <source>已超期（{0}，其中意见 {1}）</source>
        <translation>Overdue ({0}, of which {1} feedback)</translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <location filename="../requests/steps.py" line="253"/>
        <source>批准免交材料</source>
        <translation>Waive a document</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="253"/>
        <source>批准免交</source>
        <translation>Waive</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="255"/>
        <source>免交“{0}”，由{1}{2}批准，原因记入办理经过。</source>
        <translation>Waive “{0}”, approved by {1} {2}; the reason is recorded in the history.</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="259"/>
        <source>免交原因(&amp;R)：</source>
        <translation>&amp;Reason for waiver:</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="259"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="264"/>
        <source>请填写免交原因</source>
        <translation>Enter the reason for the waiver</translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <location filename="../wizard/waiver.py" line="44"/>
        <source>值班长批准免交材料</source>
        <translation>Supervisor waiver of documents</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="45"/>
        <source>客户暂不能提供下列必交材料。请值班长核实后写明免交原因，并用本人账号登录批准（记入业务记录）。</source>
        <translation>The customer cannot provide the required documents below yet. Supervisor: check, give the reason for the waiver, and log in with your own account to approve it (recorded with the request).</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="50"/>
        <source>免交的材料</source>
        <translation>Documents to waive</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="62"/>
        <source>如：不动产权证正在办理，客户承诺取得后补交</source>
        <translation>e.g. the property certificate is being issued; the customer will bring it once received</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="63"/>
        <source>免交原因(&amp;R)：</source>
        <translation>&amp;Reason for waiver:</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="79"/>
        <source>{0}（{1}）无权批准免交材料，请值班长本人登录</source>
        <translation>{0} ({1}) may not waive documents; a supervisor must log in in person</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="86"/>
        <source>请至少勾选一项免交的材料</source>
        <translation>Tick at least one document to waive</translation>
    </message>
    <message>
        <location filename="../wizard/waiver.py" line="89"/>
        <source>请填写免交原因，将记入业务记录</source>
        <translation>Enter the reason for the waiver; it is recorded with the request</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../requests/steps.py" line="64"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../requests/steps.py" line="93"/>
        <source>请向客户致歉：</source>
        <translation>Apologise to the customer: </translation>
    </message>
</context>
<context>
    <name>_StepDialog</name>
    <message>
        <location filename="../feedback/dialogs.py" line="60"/>
        <source>{0}&#x3000;{1}&#x3000;{2}&#x3000;{3}</source>
        <translation>{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="61"/>
        <source>（未留姓名）</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="79"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../feedback/dialogs.py" line="81"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="41"/>
        <source>&lt;b&gt;{0} {1}&lt;/b&gt;&lt;br&gt;请用本人账号登录，不得代替他人顶班。</source>
        <translation>&lt;b&gt;{0} {1}&lt;/b&gt;&lt;br&gt;Log in with your own account; never work a shift under someone else&apos;s login.</translation>
    </message>
    <message>
        <location filename="../app.py" line="76"/>
        <source>请注意</source>
        <translation>Please note</translation>
    </message>
    <message>
        <location filename="../app.py" line="86"/>
        <source>内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../app.py" line="84"/>
        <source>程序内部出错，本次操作未完成。详细信息已写入 {0}，请联系系统管理员。</source>
        <translation>An internal error occurred and the operation was not completed. Details were written to {0}; please contact the system administrator.</translation>
    </message>
</context>
</TS>
