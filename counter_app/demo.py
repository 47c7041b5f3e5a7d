"""``counter-app demo``: staff of each role, thousands of accounts, requests of every kind in every
state its workflow reaches (some overdue) and a feedback book, made through the real services on the
demo's own clock walking through the last 30 days up to now, so timelines, deadlines and the audit
trail are real.  The same seed gives the same data (tracking codes and password salts aside)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable
from typing import Any, TypedDict

from sqlalchemy import ColumnElement, func, select
from stdnum.cn import ric, uscc

from counter_app import demo_money
from counter_app.catalogue import BusinessKind
from counter_app.core import Actor, Core
from counter_app.db.models import (
    Account,
    AuditRecord,
    Base,
    Customer,
    Feedback,
    RequestEvent,
    ServiceRequest,
    Staff,
)
from counter_app.domain.enums import Channel, FeedbackKind, RequestStatus as S, Role, Satisfaction
from counter_app.domain.workflow import WORKFLOWS, find
from counter_app.errors import Conflict, ValidationError
from counter_app.services import accounts, feedback, requests, settings, staff
from counter_app.services.accounts import AccountInput
from counter_app.services.requests import DocumentInput
from counter_app.web.serve import DEFAULT_ADDRESS

STAFF = (("admin", "系统管理员", Role.ADMIN, "admin123"), ("zhang", "张丽", Role.SUPERVISOR, "demo123"),
         ("li", "李明", Role.CLERK, "demo123"), ("wang", "王芳", Role.CLERK, "demo123"),
         ("zhao", "赵磊", Role.CLERK, "demo123"))
SETTINGS = {"company_name": "蓝天热力有限公司", "hall_name": "客户服务中心（人民路营业厅）",
            "hall_address": "人民路88号", "hall_phone": "0311-86612345",
            "opening_hours": "采暖期周一至周日 8:30-17:30；非采暖期周一至周五 8:30-17:00",
            # the tracking service this machine can start (scripts/demo.sh does): the QR codes open
            "tracking_base_url": DEFAULT_ADDRESS}
# name, share of the residential accounts, units per building, floors, flats per floor, floor heating
COMMUNITIES = (("幸福小区", 17, 3, 6, 2, .0), ("锦绣花园", 15, 2, 11, 2, .3), ("阳光新城", 16, 2, 18, 4, .6),
               ("和平里", 12, 4, 5, 2, .0), ("滨河家园", 14, 2, 18, 2, .5), ("翠湖湾", 13, 2, 26, 2, .9),
               ("东方明珠苑", 13, 2, 15, 3, .7))
SHOPS = "工业园区商铺"
SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
            "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
GIVEN = ("伟强磊军勇杰涛明超刚平辉鹏华飞建国志斌浩宇博俊凯鑫海峰亮林春德福庆永祥东晨",  # male, female
         "芳娜秀英敏静丽艳娟霞兰桂红玉文慧欣怡婷雪琳颖梅燕云冬晓丹萍倩玲佳琪雨")
AREAS = ("130102", "130104", "130105", "130108", "130109", "130110", "130602", "131102", "140105", "410105")
MOBILE = "130 131 132 133 135 136 137 138 139 150 151 152 155 158 159 166 177 180 182 185 186 187 188 189 199"
FIRMS = ("鑫达", "恒通", "宏远", "华泰", "永盛", "金桥", "博瑞", "天成", "德润", "众诚", "万家", "福源")
TRADES = ("商贸有限公司", "餐饮管理有限公司", "物流有限公司", "机械制造有限公司", "科技有限公司",
          "连锁超市有限公司", "大药房有限公司", "汽车维修有限公司")
# days between a step of a request and the one before it: (fewest, most)
GAPS = {"await_documents": (0, 0), "supply": (1, 4), "accept": (0, 0), "reply_plan": (1, 2), "reject": (0, 3),
        "sign_contract": (1, 3), "heat_on": (1, 3), "approve": (1, 2), "complete": (0, 2), "withdraw": (1, 5)}
EXTRA = {S.HEAT_ON: 2, S.COMPLETED: 2, ("settlement", S.COMPLETED): 9, ("stop", S.COMPLETED): 3}
PLAN_NOTES = ("管网已到楼，具备接入条件，开栓即可供热",
              "需更换单元入户阀门，约2个工作日完工，费用按收费标准执行",
              "需延伸二次管网约30米，工程预算已书面告知客户")
REJECT = {"application": "该楼栋供热设施尚未验收，暂不具备供热条件，已向客户说明",
          "change": "所附产权证明与申请人不一致，请补正后重新申请",
          "stop": "该单元停热户数已达30%上限，本季不予停热",
          "resume": "户内管道改造尚未验收，暂不能复热，已向客户说明原因",
          "settlement": "客户对结算面积有异议，转面积核实后再结算"}
LATE = "管网施工未能按期完成，已电话向客户说明原因"
C, R, G, P = FeedbackKind.COMPLAINT, FeedbackKind.REPORT, FeedbackKind.SUGGESTION, FeedbackKind.PRAISE
FEEDBACK = (  # kind, channel, days ago, department, text, reply, satisfaction at the follow-up visit
    (C, "hotline", 16, "运行部", "家中室温只有14℃，达不到16℃的标准，要求上门测温", "", ""),
    (C, "counter", 9, "运行部", "3号楼2单元暖气上热慢，末端散热器不热",
     "已对该单元立管排气并调整平衡阀，复测室温19℃", "satisfied"),
    (C, "hotline", 7, "维修班", "报修家中跑水后近2小时才有人到场",
     "当晚维修班在处理另一处爆管，已增加夜间值班人员，并向您致歉", "basically"),
    (C, "visit", 12, "客服部", "营业厅缴费排队时间太长，只开了一个窗口",
     "收费高峰期已增开两个缴费窗口，午间不停办", "satisfied"),
    (C, "letter", 3, "运行部", "楼上住户装修改动管道，导致我家暖气不热", "", ""),
    (C, "counter", 1, "", "热费通知单上的面积比房产证多了3平方米", "", ""),
    (C, "hotline", 10, "维修班", "楼道内供热管道滴水，地面结冰",
     "维修班已更换漏水管件，并清理了楼道结冰", "satisfied"),
    (C, "counter", 6, "运行部", "开栓一周后家里仍然不热",
     "查明入户过滤器堵塞，已清洗，室温恢复到20℃", "dissatisfied"),
    (R, "hotline", 13, "稽查部", "沿街商铺私接供热管道，疑似盗用热能",
     "稽查部现场核实属实，已依规停止供热并追缴热费", "satisfied"),
    (R, "opinion_box", 6, "稽查部", "有住户私自打开已施封的供热阀门", "", ""),
    (R, "letter", 4, "稽查部", "有人冒充供热公司员工上门收取“管道清洗费”",
     "已报警并张贴防骗提示：本公司从不上门收取现金", ""),
    (G, "opinion_box", 20, "客服部", "希望开通微信、支付宝缴纳热费",
     "已纳入明年信息化建设计划，开通后短信通知", "satisfied"),
    (G, "counter", 8, "", "营业厅可以准备老花镜和便民座椅", "已在各窗口配备老花镜，并增设等候座椅", ""),
    (G, "hotline", 2, "客服部", "停热或检修前请提前短信通知住户", "", ""),
    (G, "letter", 14, "运行部", "建议在小区公告栏公布换热站的供回水温度", "", ""),
    (G, "visit", 1, "", "希望周末也能办理过户业务", "", ""),
    (P, "counter", 18, "", "营业员王芳耐心讲解热费政策，服务热情周到", "", "satisfied"),
    (P, "letter", 11, "维修班", "维修班师傅深夜冒雪抢修，非常负责，特此感谢",
     "感谢您的肯定，已在班组内通报表扬", ""),
    (P, "hotline", 3, "", "客服热线接听及时，问题当天就解决了", "", ""),
)
FOLLOW_UP = {"satisfied": "电话回访，客户表示满意",
             "basically": "电话回访，客户认可处理结果，希望今后响应更快",
             "dissatisfied": "电话回访，客户仍感觉室温偏低，已约运行部再次上门测温"}


class Timed(TypedDict, total=False):
    """Anything the demo plans steps of: when its last step so far happens."""

    last: dt.datetime


class _Request(Timed, total=False):
    owner: Actor
    kind: BusinessKind
    missing: str               # the document left at home ("" for none)
    supply: DocumentInput      # ... and what is brought later
    id: int


class _Feedback(Timed, total=False):
    id: int


def reachable(workflow: str) -> dict[S, list[str]]:
    """Every state a workflow reaches from 'received', with the shortest list of actions."""
    paths: dict[S, list[str]] = {S.RECEIVED: []}
    for state in (queue := [S.RECEIVED]):  # breadth first: the list grows while it is read
        for t in WORKFLOWS[workflow]:
            if state in t.sources and t.target not in paths:
                paths[t.target] = paths[state] + [t.action]
                queue.append(t.target)
    return paths


class _Demo:
    def __init__(self, core: Core, seed: int) -> None:
        self.rng, self.end, self.today = random.Random(seed), core.now(), core.today()
        self.at = [self.end]  # the demo's own clock: set to each historic moment in turn
        self.h = Core(core.engine, catalogue=core.catalogue, clock=lambda: self.at[0], timezone=core.zone.key)
        self.h.password_hasher = core.password_hasher
        self.season = f"{(year := self.today.year - (self.today.month < 7))}-{year + 1}"
        self.plan: list[tuple[dt.datetime, int, Callable[[], object]]] = []
        self.used: set[str] = set()  # ID numbers, credit codes, phones given out
        self.pool: list[dict[str, Any]] = []  # the accounts: their fields, id, and "used" once served
        self.owner, self.new_premises = ("", ""), 0

    def unique(self, make: Callable[[], str]) -> str:
        self.used.add(value := next(v for v in iter(make, None) if v not in self.used))
        return value

    def person(self, surname: str = "") -> tuple[str, str]:
        rng, male = self.rng, self.rng.random() < .5
        name = (surname or SURNAMES[min(int(rng.expovariate(1 / 12)), len(SURNAMES) - 1)]) + "".join(
            rng.choice(GIVEN[not male]) for _ in range(1 if rng.random() < .3 else 2))

        def make() -> str:
            born = dt.date(1945, 1, 1) + dt.timedelta(days=rng.randint(0, 20000))
            body = f"{rng.choice(AREAS)}{born:%Y%m%d}{rng.randint(0, 499) * 2 + male:03d}"
            return body + ric.calc_check_digit(body + "0")  # stdnum wants a check slot
        return name, self.unique(make)

    def org(self) -> tuple[str, str]:
        def make() -> str:
            code = "".join(self.rng.choice("0123456789") for _ in range(8))  # GB 11714 code + check
            check = 11 - sum(int(c) * w for c, w in zip(code, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
            body = f"91{self.rng.choice(AREAS)}{code}{'X' if check == 10 else check % 11}"
            return body + uscc.calc_check_digit(body)
        return f"{self.rng.choice(FIRMS)}{self.rng.choice(TRADES)}", self.unique(make)

    def phone(self) -> str:
        return self.unique(lambda: f"{self.rng.choice(MOBILE.split())}{self.rng.randint(0, 99999999):08d}")

    def account_input(self, no: str, community: str, building: str = "", unit: str = "", room: str = "",
                      text: str = "", *, floor: float = .3, nonres: bool = False, state: str = "",
                      org: float = .7) -> AccountInput:
        rng, kind = self.rng, "person"
        if nonres and rng.random() < org:
            (name, number), kind = self.org(), "organisation"
        elif nonres or not self.owner[0] or rng.random() >= .02:  # else a second flat of the last owner
            self.owner = self.person()
        if kind == "person":
            name, number = self.owner
        return AccountInput(
            account_no=no, holder_name=name, id_number=number, phone=self.phone(),
            phone2=self.phone() if rng.random() < .2 else "", community=community, building=building,
            unit=unit, room=room, address_text=text, holder_kind=kind,
            area=f"{rng.uniform(200, 3000) if nonres else rng.uniform(45, 180):.2f}",
            user_class="non_residential" if nonres else "residential",
            heating_form="floor" if rng.random() < floor else "radiator",
            heating_state=state or ("stopped" if (r := rng.random()) < .08 else "not_connected" if r < .09
                                    else "heating"))

    def create_accounts(self, admin: Actor, n: int) -> None:
        nonres = max(3, round(n * .05))
        shares = [c[1] for c in COMMUNITIES]
        counts = [(n - nonres) * s // sum(shares) for s in shares]
        counts[0] += n - nonres - sum(counts)
        inputs = []
        for ci, ((name, _, units, floors, per, floor), count) in enumerate(
                zip(COMMUNITIES, counts, strict=True)):
            flats = ((b, u, f"{fl}{k:02d}") for b in itertools.count(1) for u in range(1, units + 1)
                     for fl in range(1, floors + 1) for k in range(1, per + 1))
            inputs += [self.account_input(f"1{ci + 1:02d}{serial:05d}", name, str(b), str(u), room,
                                          floor=floor)
                       for serial, (b, u, room) in zip(range(1, count + 1), flats, strict=False)]
        for j in range(nonres):  # shops in the industrial park, and along the communities' streets
            inputs.append(self.account_input(f"108{j + 1:05d}", SHOPS, str(j // 8 + 1),
                                             room=f"1{j % 8 + 1:02d}", nonres=True) if j % 3 else
                          self.account_input(f"109{j + 1:05d}", COMMUNITIES[j % 7][0],
                                             text=f"沿街商铺{j + 1}号", nonres=True))
        with self.h.unit_of_work() as session:  # one transaction, with the services' own checks
            for data in inputs:
                created = accounts.create_account(session, self.h, admin, data)
                self.pool.append({**vars(data), "id": created.id})

    def pick(self, kind: BusinessKind) -> dict[str, Any]:
        want, nonres = "stopped" if kind.kind == "resume" else "heating", kind.user_class == "non_residential"
        nonres = nonres or (kind.user_class == "any" and self.rng.random() < .1)
        free = [a for a in self.pool if a["heating_state"] == want and not a.get("used")]
        account = self.rng.choice([a for a in free if (a["user_class"] == "non_residential") == nonres]
                                  or free or self.pool)
        account["used"] = True
        return account

    def later(self, rq: Timed, days_ago: int, fn: Callable[[], object]) -> None:
        """Run ``fn`` in opening hours ``days_ago`` days back, after the thing's last step, before now."""
        after, latest = rq.get("last"), self.end - dt.timedelta(seconds=30)
        day = self.today - dt.timedelta(days=max(days_ago, 0))
        if after is not None and self.h.local(after).date() == day:
            t = after + dt.timedelta(minutes=self.rng.randint(3, 40))
        else:
            start = dt.datetime.combine(day, dt.time(8, 30), self.h.zone)
            stop = min(start + dt.timedelta(hours=8), latest)
            t = start + (stop - start) * self.rng.random() if stop > start else stop
        t = min(t.replace(microsecond=0), latest)
        rq["last"] = max(t, after) if after is not None else t
        self.plan.append((rq["last"], len(self.plan), fn))

    def fields(self, kind: BusinessKind, account: dict[str, Any] | None, new: dict[str, str],
               agent: tuple[str, str] | None, day: dt.date) -> dict[str, str]:
        rng, renaming = self.rng, kind.kind == "change_name"
        org = (account or {}).get("holder_kind") == "organisation"
        heir = (self.org()[0], account["id_number"]) if account is not None and org and renaming else \
            self.person(account["holder_name"][0] if account and renaming else "")  # new owner, or an heir
        known: dict[str, Any] = {
                 "new_holder_name": heir[0], "new_holder_id_number": heir[1], "season": self.season,
                 "transfer_date": str(day - dt.timedelta(days=rng.randint(3, 40))),
                 "new_area": account and f"{float(account['area']) + rng.uniform(-6, 9):.2f}",
                 "payer_name": account and (self.person()[0] if org else account["holder_name"]),
                 "agent_name": agent and agent[0], "agent_id_number": agent and agent[1],
                 "floors": str(rng.randint(1, 4)), "note": None, "planned_date": None, **new}
        known.update({"phone": account["phone"]} if account else dict.fromkeys(  # from the new registration
            ("owner_name", "owner_id_number", "address", "area", "heating_method", "phone")))
        out = {}
        for f in kind.fields:
            value = known.get(f.key)
            if value is None and f.required and f.key not in known:  # e.g. a reason, an effective date
                if f.type == "date":
                    value = str(day)
                elif f.type == "phone":
                    value = self.phone()
                elif f.type == "choice":
                    value = rng.choice([c for c in f.choices if ("单位" in c) == org] or f.choices)
                else:
                    value = "演示"
            if value is not None:
                out[f.key] = value
        return out

    def request(self, kind_code: str, days_ago: int, *, owner: Actor | None = None,
                missing: bool | str = False, agent: bool = False) -> _Request:
        rng, kind = self.rng, self.h.catalogue.get(kind_code)
        nonres = kind.user_class == "non_residential"
        rq: _Request = {"owner": owner or rng.choice(self.receivers), "kind": kind, "missing": ""}
        account: dict[str, Any] | None = None
        new_account: AccountInput | None = None
        new: dict[str, str] = {}
        if kind.workflow == "application":  # a new flat (or shop) not yet connected
            self.new_premises = n = self.new_premises + 1
            new_account = self.account_input(f"2{n:07d}", SHOPS, str(20 + n // 6), room=f"1{n % 6 + 1:02d}",
                                             nonres=True, state="not_connected", org=1) if nonres else \
                self.account_input(f"2{n:07d}", "滨河家园", str(21 + n % 2), str(1 + n // 2 % 2),
                                   f"{n // 4 + 1}01", floor=.8, state="not_connected")
            new = {"company_name": new_account.holder_name, "uscc": new_account.id_number,
                   "contact_name": self.person()[0]}
        else:
            account = self.pick(kind)
        nonres = account["user_class"] == "non_residential" if account else nonres
        agent_of = self.person() if agent else None
        fields = self.fields(kind, account, new, agent_of, self.today - dt.timedelta(days=days_ago))
        docs: dict[str, DocumentInput] = {}
        groups: set[str | None] = set()
        for spec in kind.documents_for(by_agent=agent, non_residential=nonres):
            if (spec.one_of and spec.one_of in groups) or (not spec.required and rng.random() < .6):
                continue
            groups.add(spec.one_of)
            docs[spec.code] = DocumentInput(True, spec.original, spec.copies)
        required = [d.code for d in kind.documents if d.required and d.code in docs]
        if missing and required:  # left at home: the one-time notice asks for it
            gone = missing if isinstance(missing, str) else rng.choice(required)
            rq["missing"], rq["supply"] = gone, docs.pop(gone)

        def run() -> None:
            rq["id"] = requests.receive(
                self.h, rq["owner"], kind_code, account_id=account["id"] if account else None,
                new_account=new_account, by_agent=agent, agent_name=agent_of[0] if agent_of else "",
                fields=fields, documents=docs)
        self.later(rq, days_ago, run)
        return rq

    def step(self, rq: _Request, days_ago: int, action: str, note: str = "", late_reason: str = "",
             to: Actor | None = None, department: str = "") -> None:
        if action == "supply" and not rq["missing"]:
            return

        def run() -> None:
            who, rid, h = self.sup if action == "approve" else rq["owner"], rq["id"], self.h
            if action == "supply":
                requests.record_document(h, who, rid, rq["missing"], rq["supply"])
            elif action == "handover":
                requests.handover(h, who, rid, to_staff_id=to.staff_id if to else None, department=department,
                                  note=note)
                rq["owner"] = to or who
            else:
                workflow, late = rq["kind"].workflow, late_reason
                text = note or {"reject": REJECT.get(workflow, "不符合办理条件"),
                                "withdraw": "客户来电表示暂不办理",
                                "reply_plan": self.rng.choice(PLAN_NOTES)}.get(action, "")
                step = find(workflow, action)
                if not late and step is not None and step.answers_deadline:  # late only when it must be
                    with h.reading() as session:
                        request = session.get(ServiceRequest, rid)
                        due = request.deadline if request is not None else None
                    late = LATE if due and h.today() > due else ""
                requests.act(h, who, rid, action, note=text, late_reason=late)
        self.later(rq, days_ago, run)

    def plan_requests(self) -> None:
        rng, (li, wang, zhao) = self.rng, self.clerks
        for kind in self.h.catalogue.kinds.values():
            for target, path in reachable(kind.workflow).items():
                for _ in range(1 + EXTRA.get(target, 0) + EXTRA.get((kind.kind, target), 0)):
                    steps = list(path)
                    if steps and steps[0] in ("accept", "reject", "withdraw") and rng.random() < .25:
                        steps.insert(0, "await_documents")
                    if steps[:1] == ["await_documents"] and "accept" in steps:
                        steps.insert(steps.index("accept"), "supply")
                    gaps = [rng.randint(*GAPS.get(a, (0, 2))) for a in steps]
                    last = {S.RECEIVED: (0, 1), S.AWAITING_DOCUMENTS: (1, 8)}.get(  # open ones are recent
                        target, (0, max(0, 28 - sum(gaps)) if target.is_closed else 6))
                    days = rng.randint(*last) + sum(gaps)
                    rq = self.request(kind.kind, days, missing=steps[:1] == ["await_documents"],
                                      agent=kind.kind != "settlement" and rng.random() < .15)
                    for action, gap in zip(steps, gaps, strict=True):
                        days -= gap
                        self.step(rq, days, action)
        # the cases a demo must show: overdue, late reply, explained delay, waiver, handovers
        # overdue: no plan reply, no approval
        for code, days in (("application_residential", 20), ("stop", 12)):
            self.step(self.request(code, days, owner=li), days, "accept")
        rq = self.request("application_residential", 25, owner=wang)
        self.step(rq, 25, "accept")
        self.step(rq, 12, "reply_plan", note="小区二次管网须随热力站改造一并接入，方案已答复客户",
                  late_reason="方案须经技术科与设计院会审，超出3个工作日，已电话向客户说明原因并致歉")
        rq = self.request("application_nonresidential", 18, owner=zhao)
        self.step(rq, 18, "accept")
        def explain(rq: _Request = rq) -> None:
            requests.explain_delay(self.h, zhao, rq["id"],
                                   "接入点须设计院现场勘察后确定，已电话告知客户预计下周答复")
        self.later(rq, 13, explain)
        rq = self.request("stop", 9, owner=wang, missing="last_season_receipt")
        self.step(rq, 9, "await_documents", note="出具一次性告知单：请补交上一采暖季缴费凭证")
        def waive(rq: _Request = rq) -> None:
            requests.waive_document(self.h, self.sup, rq["id"], rq["missing"],
                                    "客户上季缴费凭证遗失，系统中已查到该户上季热费已缴清")
        self.later(rq, 8, waive)
        for days, action in ((8, "accept"), (7, "approve"), (6, "complete")):
            self.step(rq, days, action)
        rq = self.request("change_transfer", 6, owner=li, missing=True)
        self.step(rq, 6, "await_documents")
        self.step(rq, 5, "handover", note="本人轮休，交王芳继续跟进：客户约定本周补交材料", to=wang)
        for action in ("supply", "accept", "complete"):
            self.step(rq, 3, action)
        rq = self.request("change_area", 4, owner=zhao)
        self.step(rq, 4, "accept")
        self.step(rq, 4, "handover", note="请稽查部上门测量核实供热面积，结果反馈营业厅", department="稽查部")

    def plan_feedback(self) -> None:
        rng, h = self.rng, self.h
        for kind, channel, days, department, text, reply_text, satisfied in FEEDBACK:
            fb: _Feedback = {}
            clerk = rng.choice(self.receivers)
            who = {} if channel == "opinion_box" else rng.choice(self.pool)  # the opinion box is anonymous
            data = feedback.FeedbackInput(kind, Channel(channel), text, who.get("holder_name", ""),
                                          who.get("phone", ""), who.get("id"))
            # each step binds this entry's record, clerk and texts now: they run after the loop
            def log(fb: _Feedback = fb, c: Actor = clerk, d: feedback.FeedbackInput = data) -> None:
                fb["id"] = feedback.log(h, c, d)
            self.later(fb, days, log)
            if department:
                def forward(fb: _Feedback = fb, c: Actor = clerk, d: str = department) -> None:
                    feedback.forward(h, c, fb["id"], d)
                self.later(fb, days, forward)
            if reply_text:
                days = max(0, days - rng.randint(1, 3))

                def reply(fb: _Feedback = fb, t: str = reply_text) -> None:
                    feedback.reply(h, self.sup, fb["id"], t,
                                   late_reason=LATE if feedback.get(h, fb["id"]).overdue else "")
                self.later(fb, days, reply)
            if satisfied:
                def follow_up(fb: _Feedback = fb, c: Actor = clerk, s: str = satisfied) -> None:
                    feedback.follow_up(h, c, fb["id"], FOLLOW_UP[s], Satisfaction(s))
                self.later(fb, max(0, days - rng.randint(0, 2)), follow_up)
        # a clerk logs a report as a suggestion, then corrects the entry the same day
        fb, who, zhao = _Feedback(), rng.choice(self.pool), self.clerks[2]
        wrong, right = (feedback.FeedbackInput(kind, Channel.VISIT, text, who["holder_name"], who["phone"],
                                               who["id"], dept)
                        for kind, text, dept in ((G, "有商户私自接用小区暖气", ""),
                                                 (R, "发现沿街商户私自接用小区供热管道，请稽查", "稽查部")))
        def log_wrong() -> None:
            fb["id"] = feedback.log(h, zhao, wrong)
        self.later(fb, 9, log_wrong)
        self.later(fb, 9, lambda: feedback.correct(h, zhao, fb["id"], right))

    def run(self, accounts_wanted: int) -> None:
        self.at[0] = dt.datetime.combine(self.today - dt.timedelta(days=40), dt.time(8, 0), self.h.zone)
        admin = staff.bootstrap_admin(self.h, *(STAFF[0][i] for i in (0, 1, 3)))
        self.sup, *self.clerks = [staff.add_staff(self.h, admin, u, n, r, p) for u, n, r, p in STAFF[1:]]
        self.receivers = [*self.clerks, *self.clerks, self.sup]
        settings.update(self.h, admin, SETTINGS)
        self.at[0] += dt.timedelta(hours=1)
        self.create_accounts(admin, accounts_wanted)
        self.plan_requests()
        self.plan_feedback()
        demo_money.plan_money(self, admin)
        for moment, _, action in sorted(self.plan, key=lambda p: p[:2]):
            self.at[0] = moment
            action()


def populate(core: Core, *, accounts: int = 2400, seed: int = 2026) -> str:
    """Fill an empty database with demo data; returns a summary in Chinese."""
    if not 100 <= accounts <= 200_000:
        raise ValidationError("演示账户数应在100到200000之间", field="accounts")
    with core.reading() as session:
        if session.scalar(select(func.count(Staff.id))) or session.scalar(select(func.count(Account.id))):
            raise Conflict("数据库中已有人员或账户，演示数据只能写入空数据库，现有数据未做任何改动。"
                           "请用 --db 指定一个新的数据库（或设置新的 COUNTER_APP_DATA 目录）"
                           "后再运行 counter-app demo")
    _Demo(core, seed).run(accounts)
    return summary(core)


def summary(core: Core) -> str:
    """Counts per table and the demo logins, in Chinese."""
    with core.reading() as s:
        def n(model: type[Base], *where: ColumnElement[bool]) -> int:
            return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()
        a, fb, live = Account, Feedback, Feedback.superseded.is_(False)
        pair = (ServiceRequest.kind, ServiceRequest.status)
        by_kind = {(k, st): c for k, st, c in s.execute(select(*pair, func.count()).group_by(*pair))}
        places = s.execute(select(a.community, func.count()).group_by(a.community)
                           .order_by(func.count().desc(), a.community))
        lines = [f"演示数据已生成：{settings.read(s, 'company_name')} {settings.read(s, 'hall_name')}",
                 f"  人员 {n(Staff)} 人；客户 {n(Customer)} 个；账户 {n(a)} 户，其中非居民 "
                 f"{n(a, a.user_class == 'non_residential')} 户、"
                 f"停热 {n(a, a.heating_state == 'stopped')} 户、"
                 f"未接网 {n(a, a.heating_state == 'not_connected')} 户",
                 "  小区：" + "、".join(f"{c} {k}" for c, k in places),
                 f"  业务 {n(ServiceRequest)} 件，时间线记录 {n(RequestEvent)} 条："]
        lines += [f"    {kind.name}：" + "、".join(f"{st.label}{by_kind[code, st]}" for st in S
                                                 if (code, st) in by_kind)
                  for code, kind in core.catalogue.kinds.items()]
        lines.append(f"  意见 {n(fb, live)} 条（" + "、".join(f"{k.label}{n(fb, live, fb.kind == k)}"
                                                          for k in FeedbackKind)
                     + f"），已答复 {n(fb, live, fb.replied_at.is_not(None))} 条，已回访 "
                     f"{n(fb, live, fb.followup_at.is_not(None))} 条，"
                     f"更正 {n(fb, fb.corrects_id.is_not(None))} 条；"
                     f"审计记录 {n(AuditRecord)} 条")
    lines += demo_money.summary_lines(core)
    lines += [f"  超期未办业务 {len(requests.open_requests(core, overdue_only=True))} 件，超期未答复意见 "
              f"{len(feedback.listing(core, overdue_only=True))} 条",
              f"  二维码打开的居民查询页：{DEFAULT_ADDRESS}查询码（由 counter-app tracking serve 提供）",
              "",
              "演示登录（启动程序后用以下账号登录）："]
    return "\n".join(lines + [f"  {u} / {p}  {r.label} {name}" for u, name, r, p in STAFF])
