"""Word lists that tell what kind of thing a question asks for, in both languages (applied to normalised text)."""

from __future__ import annotations

import re


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def without(text: str, *patterns: re.Pattern) -> str:
    """``text`` with what each of ``patterns`` matches blanked, in the order given (the words of asking removed,
    what is left is the question's own topic)."""
    for pattern in patterns:
        text = pattern.sub(" ", text)
    return text


# A chapter of a law: 第三章 / chapter 3 (its articles are listed, like a work plan's group).
CHAPTER_REF = _re(r"第\s*([0-9一二三四五六七八九十]+)\s*章|\bchapter\s+(\d+|[a-z]+)\b")
# "What are the three basic principles?" / "…the work requirements at the end of the plan?": a whole section.
# "Tell me about the work requirements", "the financing group of measures", 土地方面的措施: a group or a topic's measures.
_SECTION_LIST = (r"|\b(?:what are|list|name) (?:the )?(?:[a-z0-9]+ ){0,3}(?:measures|principles|goals|targets|requirements|基本原则|主要目标|工作要求)"
                 r"\s*(?:\?|$|under\b|(?:of|in|at|behind|for) (?:the|this) (?:plan|document|end))"
                 r"|\btell me (?:more )?about (?:the )?(?:[a-z0-9]+ ){0,2}(?:measures|principles|goals|targets|requirements)\b"
                 r"|\b(?:group|section|part) of (?:measures|clauses|articles)\b"
                 # "and the basic principles?" / 那工作要求呢？: a section named alone
                 r"|^(?:and |what about |how about )?(?:the |its )?(?:basic principles|main goals|main targets|work requirements)"
                 r"\s*\??$|^(?:那|那么)?(?:它的|其)?(?:基本原则|主要目标|工作要求)(?:呢)?[？?]?$"
                 r"|[\u4e00-\u9fff]{1,6}方面的(?:扶持|支持|优惠)?(?:措施|政策|规定|条款)"
                 r"|哪(?:几|[一二三四\d])(?:个|条|项)(?:主要|基本)?(?:目标|原则|工作要求)")  # 方案定了哪几个主要目标
LISTING = _re(r"哪些|哪写|哪几|(?:原则|目标|要求|措施)(?:是|有|分别是)?哪[一二三四五六七八九十\d]+(?:个|条|项)"
              r"|分别是什么|分别是哪些|分别是啥|各是什么|有什么措施|什么措施|什么条款|啥措施|啥政策|啥条款|列出|列一下|清单|都有什么|有哪"
              r"|(?:方面|那块|这块|那一块|这一块)(?:咋|怎么|如何)(?:支持|扶持|帮)|负责什么|牵头什么|配合什么|管什么|管哪些|做哪些|干什么"
              r"|\b(?:what|which) [a-z-]+ (?:measures|policies|provisions)\b"
              r"|\b(?:lead|leads|leading|cooperate on|cooperates on|cooperating on|handle|handles|handling|do|does|doing) anything\b"
              r"|\b(?:the )?(?:lead|leader|co-?operating (?:department|body|unit)) (?:on|for) anything\b"
              r"|\b(?:section|part|group) (?:on|about)\b"
              r"|做什么工作|有(?:什么|啥|哪些)?(?:任务|分工|职责)|(?:牵头|负责|配合|管)(?:的是)?哪(?:一)?(?:条|项)"
              r"|\bwhich (?:measures|clauses|items|articles|ones)\b|\bwhat (?:measures|clauses|items|articles)\b"
              r"|\blist\b|\bwhat (?:does|do|did) (?:the )?[\w&'() \u4e00-\u9fff]{2,100}? (?:lead|handle|do|cooperate|assist|coordinate|support|oversee)"
              r"|\bwhat (?:is|are) (?:the )?[\w&' ]{2,60} (?:responsible for|in charge of|leading)|responsible for what"
              r"|\bmeasures\b.*\b(?:led|lead|handled|leads)\b|\bwhat measures\b|\bwhich ones\b|\bany (?:measures?|clauses?)\b"
              r"|提到|提及|出现|\bnamed\b|\bmentioned\b|\bappear\w*"
              + _SECTION_LIST)
COUNT = _re(r"(?<![这那第哪])几条|(?<![这那第哪])几项|(?<![这那第哪])几个|多少条|多少项|多少个|多少章|几章|几部|一共|共有|总共|\bhow many\b"
            r"|(?<!document )(?<!reference )(?<!decree )(?<!file )\bnumber of\b|\bcount\b")
CONTACT = _re(r"找哪个|找哪|找谁|找什么部门|哪个部门|什么部门|哪个单位|哪个机构|哪家单位|哪些部门|谁负责|谁牵头|谁管|由谁|谁来|联系谁|问谁|咨询谁|向谁"
              r"|谁(?:定|订|制定|认定|确定|决定|说了算)(?:的|呢)?[？?]?$"  # 划分标准谁定？
              r"|^(?:那么?|咁)?哪个(?:负责|牵头|来管|主管)"
              r"|归谁|哪个局|谁主管|主管部门是|(?:去|到|向)?哪(?:里|儿)?(?:投诉|举报|反映|维权)|(?:报|交|送|报送|上报)给谁"
              r"|^(?:我|我们)?(?:想|要|准备|打算)(?:去)?(?:投诉|举报)|\bi (?:want|would like|need) to (?:complain|file a complaint|report)"
              r"|\bwhere (?:do|can|should|could) (?:i|we|smes?|they|businesses|companies|firms|(?:a|an|my|our) (?:\w+ )?(?:company|firm|business|supplier|sme))"
              r" (?:complain|file a complaint|report|lodge)"
              r"|\bwho (?:do|should|can|could|would) (?:i|we) (?:contact|ask|call|talk|turn|go|approach|complain)"
              r"|\bwhich (?:department|agency|authority|authorities|office|body|bodies|bureau|government|departments)\b"
              r"|\bwho (?:is |are )?(?:in charge|responsible|leads?|handles?|oversees?|runs?)\b"
              r"|\bwho (?:is |are )?(?:cooperates?|assists?|helps?|supports?|co-?operating)\b"
              r"|(?:有没有|有无|是否有)(?:专门|专职)?\S{0,12}?的?(?:部门|机构)(?:[?？吗呢]|$)"
              r"|\bis there (?:a|an|any) (?:[\w-]+ ){0,3}(?:department|agency|office|body|authority)\b"
              r"|\bwho do i\b|\bcontact\b|谁配合|哪些部门配合|配合部门|牵头部门|负责部门|牵头还是配合|是牵头还是"
              r"|\blead or cooperate|\bleads or cooperates|配合单位|牵头单位|负责单位|配合方|配合的(?:呢|有|是)"
              r"|\bwho(?:'s| is| are|'re) (?:in charge|responsible|leading)\b|\bcooperating (?:ones|departments|units|bodies|agencies)\b"
              r"|\b(?:lead|leading|cooperating|co-operating|competent) (?:government |state )?"
              r"(?:department|departments|unit|units|body|bodies|agency|agencies|authority|authorities)\b"
              r"|^(?:and |so |but )?who (?:should|would|decides?|organi[sz]es?|mediates?|supervises?|approves?|determines?"
              r"|enforces?|investigates?|coordinates?|evaluates?|assesses?|certifies?|registers?|accepts?|receives?)\b"
              r"|\bwhom\b|\bwho to (?:contact|ask)\b|\bwhere (?:do|can|should) (?:i|we) (?:go|apply|complain|report)\b"
              # "who's supposed to set that up?" / "who has to do it?": who acts on the clause
              r"|^(?:and |so |but |ok,? )?who(?:'s| is| are|'re)? (?:supposed|meant|expected|required|tasked) to\b"
              r"|^(?:and |so |but |ok,? )?who (?:has|have|needs?|gets?) to (?:do|set|make|build|handle|implement|run|draw|issue)\b"
              r"|^(?:and |so |but |ok,? )?who (?:will|shall|must) (?:do|set|make|build|handle|implement|run|draw|issue)\b")
VALIDITY = _re(r"(?:几|多少)个?版本?(?:[?？吗呢]|$)|哪些版本|哪几个?版本|有几版|其他版本|旧版本|\bhow many versions\b|\b(?:which|what) versions\b"
               r"|\b(?:other|older|earlier|previous) versions?\b|"
               r"还在执行|仍在执行|还执行吗|还在实施|仍在实施|\bstill (?:being )?(?:implemented|enforced|in use)\b|"
               r"还有效|有效吗|是否有效|有没有效|现在有效|仍然有效|依然有效|还在用|还适用|还管用|过期|失效|废止|作废|现行|还算数|最新版|哪个版本|哪一版"
               r"|还能用|现在还|有效期|生效了吗|生效了没|生效没|已经生效|生效没有|施行了吗|开始施行了吗|实施了吗"
               # Cantonese "taken effect yet?": 生效未 / 生效咗未
               r"|(?:生效|施行|实施)(?:咗|了)?未(?:[呀啊？?]|$)"
               r"|\bstill (?:valid|in force|in effect|applicable|current|apply|applies|used)"
               r"|\bin force\b|\bexpired?\b|\boutdated\b|\bsuperseded\b|\bwhich (?:version|revision|edition)\b|\bcurrent version\b|\blatest version\b"
               # "Which one applies now?" / 现在以哪个为准 after two versions: which is in force
               r"|\bwhich (?:one|of them|of the two) (?:applies|is (?:valid|current|applicable|the current one)|counts)\b"
               r"|哪个(?:现在|目前)?(?:适用|为准|算数|管用)|以哪个为准|现在用哪个|(?:现在|目前)(?:是)?哪个(?:有效|适用)"
               r"|\bvalid\b|\brepealed\b|\bstill apply\b|\bstill current\b|\bstill good\b|\bout of date\b"
               # "is that still the one to follow?" / 还要照这个执行吗
               r"|\bstill the (?:one|version|text|rules?) (?:to (?:follow|use|apply)|in force)\b|\bstill (?:follow|use) (?:it|this|that)\b"
               r"|还(?:要|能|可以)?(?:照|按|依)(?:这个|这版|它)(?:执行|办)吗?"
               r"|\b(?:is|are) (?:it|they|the [\w' ()-]{2,80}?) (?:actually |already |now )?in effect\b|\bin effect (?:yet|now|already)\b"
               r"|\b(?:taken|take|come into) (?:effect|force) yet\b"
               r"|\bwhat (?:replaced|replaces|superseded|supersedes) (?:it|that|them|this)\b|被什么取代|被哪个取代|取代了吗|谁取代"
               # "Did it replace anything?" / 它取代了什么: the older text it repealed
               r"|\b(?:did|does) (?:it|this|that|the [\w' ()-]{2,60}?) (?:replace|supersede|repeal)\b"
               r"|\bwhat did (?:it|this|that) (?:replace|supersede|repeal)\b|取代了(?:什么|哪|谁)|替代了(?:什么|哪)|废止了(?:什么|哪)"
               # "Is it still usable now?" and "until when?" in users' words
               r"|(?:现在|今年|如今|目前|眼下|\d{4}年)(?:还|仍|仍然|依然)(?:能|可以)(?:按|依|用|依据|根据|援引|引用)"
               r"|管到哪年|到哪年为止|到什么时候为止|截止到?哪年|有效到|有效至|执行到哪|期限到哪|被替代|被取代|有没有新的|有新版"
               r"|\bexpir(?:y|es|ation)\b|\b(?:been|was|is) (?:replaced|superseded)\b|\bnewer (?:version|plan|policy)\b"
               r"|\bstill (?:rely|count|go by|use|be used)\b|\bhow long does (?:this|the|that) [\w ]{0,20}?(?:run|last|apply)\b"
               r"|\b(?:runs?|lasts?|valid) (?:until|till|through)\b"
               r"|目标(?:是|定)?到哪(?:一)?年|\btime ?frame of (?:this|the|that) (?:plan|document|policy)\b|\bhorizon\b"
               r"|\b(?:up to|until|till|to) (?:which|what) year\b|\bwhat (?:period|years?) do (?:its|the|their) (?:targets|goals) cover\b"
               r"|\btarget (?:deadline|date|year)\b|\bdeadline (?:for|of) (?:its|the|their) (?:targets|goals)\b|目标期限"
               r"|\btargets? (?:run|go|are set) (?:up )?(?:to|until)\b")
ISSUER = _re(r"谁发的|(?<!第)哪个(?:发|印发|发布|通过|批准|制定)的?"
             r"|谁发布|谁印发|哪个部门发|哪个单位发|哪个(?:部门|单位|机关)(?:印发|发布|颁布|制定)|由哪个(?:部门|单位|机关)?(?:印发|发布|制定|批准|通过)"
             r"|发文单位|发文机关|发布机关|制定机关|谁制定|谁颁布|谁通过|哪个机关|什么机关|哪里发的|谁出台|哪个部门出"
             r"|发布单位|印发单位|谁批准|哪个机关批准|批准机关|由谁批准|由谁通过|由谁制定|\bapproved by\b|\bby whom\b"
             r"|\bwho (?:issued|published|adopted|enacted|made|wrote|passed|released|signed|approved)\b"
             r"|\bissued by\b|\badopted by\b|\bwhich (?:body|authority|organ) (?:issued|adopted|passed)\b|\bissuer\b"
             r"|\bby which (?:office|body|authority|organ|department|agency)\b")
# The events a date is claimed for in Chinese (2025年修订版 names a version, not a revision date).
_EVENT_ZH = r"施行|生效|实施|公布|发布|通过|印发|修订(?![版本])|修正|批准"
WHEN = _re(r"什么时候|何时|哪天|哪一天|哪年|哪一年|几月|日期|(?<!第)几号(?!令)|哪次会议|什么会议|哪个会议|\bwhich (?:session|meeting|sitting)\b"
           r"|\bwhen\b|\bwhat date\b|\bwhich year\b|\bwhat year\b|\bdate\b"
           # 是2024年施行的吧？ / "took effect in 2024, right?": a date put to be confirmed (DATE_CLAIM)
           rf"|(?:19|20)\d\d年[^，。？?]{{0,8}}(?:{_EVENT_ZH})的?\s*[,，]?\s*(?:吧|吗|对吗|对吧|是不是|是吗|没错吧|[?？])"
           r"|\b(?:took effect|came into (?:force|effect)|in force|effective|passed|adopted|published|issued) (?:in|on|from|since) "
           r"(?:\w+,? ){0,2}(?:19|20)\d\d\b[^?？]{0,4}(?:,? (?:right|correct|true))?\s*[?？]"
           # two claims, the question after both: …2024年3月1日起施行的，…2020年1月1日起施行的，这两个说法都对吗？
           rf"|(?:19|20)\d\d年[^，。？?]{{0,8}}(?:{_EVENT_ZH})(?=[^。]*(?:对吗|对吧|对不对|是不是|是吗|没错|吧\s*[?？]))"
           # "Did the Guangzhou regulation take effect on 1 May 2024 and the Guangdong one on 1 January 2020?"
           r"|^(?:did|does|do|was|were|is|has|have)\b[^?？]*\b(?:t(?:ake|akes|ook) effect|c(?:ome|omes|ame) into (?:force|effect)"
           r"|adopted|passed|published|issued)\b[^?？]*\b(?:19|20)\d\d\b[^?？]{0,4}[?？]")
# Interest named (逾期利息 / "late-payment interest").
INTEREST_WORD = _re(r"利息|\binterest\b")
# A claim put to be confirmed: 对吧 / 是不是 / "right?" / "is that correct?".
CONFIRM = _re(r"对吧|对不对|对吗|是吗|是不是|没错吧|没错吗|系咪|啱唔啱|吧\s*[?？]\s*$|是\s*\d+\s*(?:天|日|个月)\s*吗"
              r"|\bis it \d+ (?:days|months)\b|\bright\s*[?？]|\bcorrect\s*[?？]|\bis that (?:right|correct|true)\b"
              r"|\bisn'?t (?:it|that) (?:right|so|true)\b|\btrue\s*[?？]")
# The date claimed in such a question: its year, month and day (month and day may be missing).
DATE_CLAIM = _re(r"(?P<year>(?:19|20)\d\d)年(?:(?P<month>\d{1,2})月)?(?:(?P<day>\d{1,2})日)?"
                 rf"(?=[^，。？?]{{0,8}}(?:{_EVENT_ZH}))"
                 r"|\b(?:t(?:ake|akes|ook) effect|c(?:ome|omes|ame) into (?:force|effect)|in force|effective|passed|adopted|published|issued)"
                 r" (?:in|on|from|since) "
                 r"(?:(?P<day_en>\d{1,2}) (?P<month_en>[a-z]{3,9}),? |(?P<month_en2>[a-z]{3,9}) (?:(?P<day_en2>\d{1,2}),? )?|(?:\w+ ){1,2}?)?"
                 r"(?P<year_en>(?:19|20)\d\d)\b")
DOC_EVENT = _re(r"(?:最早|最初|首次|第一次|原先|起初)(?:是)?(?:哪年|哪一年|什么时候|何时)?"
                r"|\b(?:first|originally|initially|original)\b(?= \w+ed\b| version\b| law\b)"
                r"|发|印发|发布|出台|颁布|制定|施行|实施|生效|通过|签发|修订|修改|公布|批准|开始"
                r"|\bissued?\b|\bpublished?\b|\badopted?\b|\benacted?\b|\beffect\b|\beffective\b|\bforce\b|\brevised?\b|\brevision\b|\bdated\b"
                r"|\bpassed?\b|\bapproved?\b|\bsigned\b|\bpromulgated?\b|\bstart\b|\bbegin\b|\breleased?\b"
                r"|\bposted\b|\bput online\b|上网|挂网|刊登|网上公布"
                r"|哪次会议|什么会议|哪个会议|\bwhich (?:session|meeting|sitting)\b")  # the sitting that passed it
# The bodies and sittings that pass or approve a text (asked with its dates: 在哪次会议上通过, "when did the provincial
# people's congress standing committee approve it?").
ENACTING_BODY = _re(r"人民代表大会常务委员会|人民代表大会|人大常委会|常委会|人大|哪次会议|会议上?|第[一二三四五六七八九十]+次"
                    r"|\b(?:people'?s congress|standing committee|npc|provincial|municipal|session|sitting|meeting|which)\b")
# 这个条例是干什么的 / "what's the Guangzhou regulation mainly for?": the purpose its first article states.
PURPOSE = _re(r"立法目的|制定目的|(?:的|主要)?目的是什么|宗旨|为什么(?:要)?(?:制定|出台)|为何(?:制定|出台)|(?:是)?(?:干什么|干嘛|做什么)(?:的|用的)"
              r"|主要(?:是)?(?:为了|用来)(?:什么|干什么|做什么)?|有什么用"
              r"|\bpurpose\b|\bmainly for\b|\bwhat is (?:it|this|that) for\b"
              r"|\bwhat(?:'s| is) (?:the )?(?:[\w-]+ ){0,8}?for(?:,? (?:overall|in general|in short|basically|mainly))?\s*\??$"
              r"|\bwhy was (?:it|this|the [\w -]{2,40}?) (?:made|enacted|adopted|issued|passed)\b|\baims? of\b")
# "2020版和2025版有什么区别" / "What changed for large companies' payment terms?": two versions compared.
VERSION_CHANGE = _re(r"有什么变化|有何变化|有哪些变化|什么变化|变化|变了|改了(?:些)?(?:什么|哪些)|改动|修改了什么|修改了哪些|有什么不同|有何不同"
                     r"|有什么区别|有何区别|区别|差别|(?:最大|主要|有什么|有啥|有何|有乜|有咩)的?分别|分别(?:系|喺)|不一样|不同之处|对比|相比|比较|一样吗|相同吗|是否相同|一致吗|有没有变|变没变|改没改|有没有改|改了吗|改过吗|有改吗|新增了?(?:什么|哪些|几)|删(?:除|掉|去)了?(?:什么|哪些|几)"
                     r"|\balready in\b|\bthe same in\b|\bstill the same\b|\b(?:in|also in) the (?:19|20)\d\d version (?:too|as well)\b"
                     r"|\bwhat(?:'s| has| have| was)? changed\b|\bchanges?\b|\bdifferen(?:ce|ces|t)\b|\bdiffer\b|\bcompared (?:with|to)\b|\bcompare[ds]?\b"
                     r"|\bcomparison\b|\bversus\b|\bvs\b|\b(?:what|which)\b[^?]{0,40}\b(?:deleted|removed|dropped)\b")
# "第十五条是新增的吗" / "2025版第二十四条对应2020版哪条" / "Was Article 25 already in the 2020 version?": what
# became of an article across versions (with VERSION_CHANGE, read only of a clause named in the question).
CLAUSE_HISTORY = _re(r"新增的|新加的|新设的|是新的|新规定吗|以前(?:就)?有|原来(?:就)?有|旧版(?:有|里|中)|对应|相应的?(?:条|规定)"
                     r"|\bnew\b|\bcounterpart\b|\bcorrespond\w*|\bequivalent\b|\b(?:already|also) in the\b"
                     r"|\bin the (?:old|older|earlier|previous|(?:19|20)\d\d) (?:version|text|regulation)\b")
# The words that name a version of a document rather than a topic (2020年版, 修订后, the 2025 version) …
VERSION_NAMES = _re(r"\d{4}\s*年?\s*(?:修订|修正|版)?(?:后|版|的)*|修订后|修订版|新版|旧版|现行|老版本|\b(?:the )?\d{4} (?:version|text)\b")
# "When does the new one take effect?", "how many articles did each version have?": versions of the document
# under discussion, no topic.
VERSION_ONE = _re(r"\b(?:the )?(?:new|old|newer|older|revised|latest|current|earlier|later|other) "
                  r"(?:one|version|text|regulation|law)\b|\b(?:each|both|the two) versions?\b"
                  r"|新版|旧版|新的|旧的|老的|修订后的?|各(?:个)?版本|每个版本|两个版本|新旧版本")
# … and, for a comparison, also the words that set versions against each other (新旧, between … and …).
VERSION_WORDS = _re(VERSION_NAMES.pattern + r"|新旧|两个版本|两版|版本"
                    r"|\b(?:the )?(?:\d{4}|old|new|older|newer|current|previous|revised|original) (?:version|text|rules?|regulations?|one)s?\b"
                    r"|\b(?:19|20)\d\d\b|\bversions?\b|\bold\b|\bnew\b|\bbetween\b|\band\b|\bthe two\b")
# Each version of a document (新旧两版各有多少条 / both versions).
BOTH_VERSIONS = _re(r"新旧|两个版本|两版|各个版本|\b(?:both|each|the two) versions\b"
                    r"|(?:19|20)\d\d\s*年?(?:版|版本|修订版?)?\s*(?:和|与|跟|同|及|、|还有|and|vs\.?|versus)\s*(?:the\s+)?(?:19|20)\d\d")
# 依据哪些文件制定 / "what was this plan drawn up to implement?": the texts a document names as its basis.
BASIS = _re(r"(?:依据|根据|依照|按照|为了?贯彻(?:落实)?|贯彻(?:落实)?了?)(?:哪些|哪个|哪部|哪几(?:个|部|份)?|什么)(?:文件|法律|法规|政策|规定|精神)?"
            r"(?:而)?(?:制定|出台|起草|发布|印发)|(?:依据|根据|贯彻)(?:的)?(?:是)?(?:哪些|哪个|哪部|哪几(?:个|部|份)?|什么)(?:文件|法律|法规|上位法)"
            r"|上位法|制定依据|立法依据|(?<!没有)(?<!无)法律依据是(?:什么|哪)"
            r"|\b(?:which|what) (?:\w+ ){0,2}?(?:laws?|documents?|regulations?|texts?|policies) (?:is|was|are|were) [\w' -]{1,60}? based on\b"
            r"|\bbased on (?:which|what) (?:\w+ ){0,2}?(?:laws?|documents?|regulations?|texts?|policies)\b"
            r"|\b(?:drawn up|formulated|made|written|issued|enacted) (?:to implement|in accordance with|under|pursuant to)\b"
            r"|\b(?:what|which)(?:'s| is| are| was) (?:the |its )?legal basis\b"
            r"|\b(?:which|what) (?:laws?|documents?|policies|texts?) (?:does|did|is|was) [\w' -]{1,60}?"
            r"(?:implement|based on|follow)\b"
            r"|\b(?:which|what) (?:higher-level |superior |upper-level )?(?:laws?|documents?|policies|texts?) (?:is|was|are) [\w' -]{1,40}?"
            r"(?:meant|intended|designed|supposed) to implement\b|\bhigher-level (?:documents?|policies|laws?)\b")
# "资料库有哪些文件？" / "What documents are in the library?": the library itself.
LIBRARY_LIST = _re(r"(?:资料库|库|系统|你们|你)(?:里|中|内)?(?:都|一共|总共|共)?(?:有|收录了?|包括|包含)"
                   r"(?:哪些|哪几份|什么|几份|多少份?)(?:[\u4e00-\u9fff]{0,3}的)?(?:文件|法规|法律|条例|政策|文档|资料)"
                   r"|(?:资料库|库|系统)(?:里|中|内)的?(?:哪些|哪几份)(?:文件|法规|法律|条例|政策)"
                   r"|(?:有|收录了?)哪些(?:文件|法规|法律法规|政策文件)(?:可以|能)?(?:查|问)"
                   r"|\b(?:what|which) (?:documents|laws|regulations|texts|policies|rules) (?:are|do you have|does it (?:have|cover)|can i ask about)"
                   r"(?: (?:in|covered|included|available))?(?: (?:the|your|this) (?:library|database|system|app))?\s*\??$"
                   r"|\blist (?:the |all )?(?:documents|laws|regulations)\b|\bwhat(?:'s| is) in (?:the|your) library\b"
                   r"|\b(?:what|which) (?:documents|laws|regulations|laws and regulations|texts|policies) (?:does|do) (?:the|this|your) "
                   r"(?:library|database|system|app) (?:contain|have|hold|include|cover)\b")
# "Which documents are national laws?" / 哪些文件是广东省的？: the library's catalogue, filtered; only when nothing but
# the filter words (CATALOGUE_WORDS) follows, else it asks which documents cover a topic.
CATALOGUE_FRAME = _re(r"(?:哪些|哪几份|什么)(?:文件|法规|法律|条例|政策|文档)?(?:是|属于|来自|由|还|已经?|不再)"
                      r"|(?:文件|法规|法律|条例)(?:有|是)(?:哪些|哪几份)"
                      r"|(?:文件|法规)(?:中|里)?(?:哪些|哪几份)(?:是|属于|还)"
                      r"|(?:有|都有)(?:哪些|哪几份)(?:[\u4e00-\u9fff]{1,4}的)?(?:文件|法律法规|法规|法律|条例|政策)"
                      r"|^\W*(?:which|what) (?:[a-z-]+ ){1,2}(?:documents|laws|regulations|texts|policies)"
                      r" (?:are (?:in|there)|do you have|does (?:the|your) library (?:have|hold))\b"
                      r"|^\W*(?:which|what) (?:of (?:the|these|those|your) )?(?:documents|laws|regulations|texts|policies)(?: in (?:the|your) library)?"
                      r" (?:are|come|were|is|from|still)\b")
CATALOGUE_WORDS = _re(r"哪些|哪几份|什么|文件|法规|法律|条例|政策|文档|资料库|库|里|中|是|属于|来自|由|还|的|已经|已|了|有|不再"
                      r"|国家|全国|省|市|级|广州|广东|本地"
                      r"|地方性?|行政|国务院|人大|现行|有效|失效|废止|被取代|旧|工作方案|方案|规章|发布|制定|颁布|印发|仍然|目前|现在|层面"
                      r"|\b(?:which|what|of|the|documents?|laws?|regulations?|texts?|policies|in|library|your|are|is|were|was|come|comes"
                      r"|from|issued|made|enacted|by|national|provincial|municipal|local|city|province|level|guangzhou|guangdong"
                      r"|administrative|state|council|still|current|currently|valid|force|superseded|repealed|no|longer|old|work|plans?"
                      r"|ones?|these|those|specific|specifically|only|do|you|have|there|hold|holds|passed|npc|standing|committee"
                      r"|congress|people's|adopted)\b|全国人大|人大常委会|常委会|人民代表大会|常务委员会|通过")
LEVEL_OF = (("national", _re(r"国家|全国|\bnational\b|国务院|\bstate council\b")),
            ("provincial", _re(r"省|广东|\bprovincial\b|\bprovince\b|\bguangdong\b")),
            ("municipal", _re(r"市级|市的|广州|\bmunicipal\b|\bcity\b|\bguangzhou\b")))
KIND_OF = (("law", _re(r"(?<!行政)(?<!地方性)法律|(?<!\w)\blaws?\b")),
           ("state_council_regulation", _re(r"行政法规|国务院|\badministrative regulations?\b|\bstate council\b")),
           ("local_regulation", _re(r"地方性法规|\blocal regulations?\b")),
           ("municipal_work_plan", _re(r"工作方案|\bwork plans?\b")))
IN_FORCE_WORDS = _re(r"现行|有效|\bin force\b|\bcurrent(?:ly)?\b|\bvalid\b")
NOT_IN_FORCE_WORDS = _re(r"失效|废止|被取代|旧的|不再有效|\bsuperseded\b|\brepealed\b|\bno longer\b|\bold\b")
DOC_NUMBER = _re(r"文号|编号|发文字号|字号|几号文|第几号|几号令|主席令|国务院令|\bdocument number\b|\breference number\b"
                 r"|\bfile number\b|\b(?:document|doc|file) no(?:\.|\s*\?|\s*$|\s+of\b)"
                 r"|\bdecree (?:number|no)\b|\border (?:no|number)\b|\bwhich (?:state council |presidential )?decree\b"
                 r"|\bpresidential order\b")
# "付款期限由几时开始计？" asks when a period starts to run, not when the document took effect.
COUNTED_FROM = _re(r"起算|开始计|开始算|从什么时候(?:起)?(?:计|算)|\bcounted from\b|\bstarts? (?:counting|to run)\b|\bclock start")
STRUCTURE_UNITS = _re(r"措施|条款|条|章|目标|原则|要求|方面|部分|分组|大类|组|项"
                      r"|\bmeasures\b|\barticles\b|\bchapters\b|\bgoals\b|\btargets\b|\bprinciples\b|\brequirements\b"
                      r"|\bgroups\b|\bsections\b|\bparts\b|\bclauses\b|\bitems\b|\bcategories\b|\bareas\b")
STRUCTURE = _re(r"分为哪|分成哪|哪几[个大]?(?:方面|部分|类|组|章)|几大|分(?:为|成)?几(?:个)?(?:组|类|部分|方面|块)|有几组|几个组"
                r"|几个方面|哪几个方面|结构|框架|(?:^|文件|方案|法|条例|这|的)目录|有哪些章"
                r"|九(?:大|个)(?:类|组|部分|方面)|\b(?:the )?(?:nine|9) (?:groups|sections|parts|areas)\b|\bgroups of measures\b"
                r"|\b(?:what|which) (?:groups|sections|chapters|parts|areas)\b(?! of (?:people|persons|enterprises|companies|firms))|\bstructure\b"
                r"|\btable of contents\b|\bhow is (?:it|the [\w' -]{1,60}?) (?:organi[sz]ed|structured|laid out)\b"
                r"|主要(?:包括|包含|有)?(?:哪些|什么)内容|主要内容|主要讲(?:了)?(?:什么|哪些)|大概讲(?:了)?什么|讲了哪些方面"
                r"|\bwhat (?:is|does) (?:it|the (?![\w' -]*\b(?:group|section|part)\b)[\w' -]{1,60}?) (?:about|cover)\s*\??$"
                r"|\bmain (?:contents?|parts|topics)\b|\b(?:split|divided|grouped|organi[sz]ed) into how many\b"
                r"|分(?:为|成)(?:几|多少)(?:个|大)?(?:类|组|部分|方面)")
# Which kind of instrument a document is (法律 / 行政法规 / 地方性法规 / work plan).
KIND = _re(r"是法律还是|是不是法律|属于(?:什么|哪种|哪类)|什么(?:性质|级别|层级)的(?:文件|法规)?|法律效力|效力(?:层级|等级)"
           r"|\b(?:a|an) (?:law|statute|act) or (?:a |an )?(?:regulation|administrative regulation|rule)\b"
           r"|\bwhat (?:kind|type|sort) of (?:document|instrument|legislation|law|regulation)\b|\blegal (?:status|force|rank)\b")
# Problems in carrying out a plan (its notice says whom to report them to): not a firm's own complaint.
REPORT_PROBLEMS = _re(r"执行中.{0,10}(?:问题|困难)|(?:方案|执行|实施|落实).{0,10}遇到.{0,6}问题.{0,10}(?:找|反映|问)|径向"
                      r"|(?:方案|执行|实施|落实)\S{0,10}(?:向谁反映|反映问题)"
                      r"|\breport problems?\b|\bproblems? (?:with|in|when) (?:implementing|carrying out|executing)\b|\bwho to report\b")
# A date things happened on (a contract signed, arrears that began), not a version's own year (2020年版):
# "which version was in force then".
EVENT_DATE = _re(r"((?:19|20)\d\d)\s*年(?:\s*(\d{1,2})\s*月)?(?!\s*(?:版|的版本|修订|那个版|那版|颁布|公布|施行的))"
                 r"(?=[^，。？?]{0,12}(?:签|订|合同|交付|欠|拖|发生|开始))"
                 r"|\b(?:signed|concluded|agreed|made|delivered|started|began) (?:\w+ ){0,3}?in ((?:19|20)\d\d)\b"
                 r"|\b(?:contract|agreement|deal) (?:\w+ ){0,3}?(?:in|from|of) ((?:19|20)\d\d)\b"
                 r"|\bin ((?:19|20)\d\d),? when (?:i|we|they) (?:signed|concluded|agreed|delivered)\b")


def date_of_event(text: str) -> tuple[int, int | None] | None:
    """(year, month or None) of an event a question dates (2024年签的合同, signed in 2024), else None."""
    m = EVENT_DATE.search(text)
    if not m:
        return None
    year = m.group(1) or m.group(3) or m.group(4) or m.group(5)
    return int(year), (int(m.group(2)) if m.group(2) else None)


# Who is in charge of a document as a whole (its own text names the body): 这个条例由哪个部门组织实施 / who enforces
# the SME Promotion Law.
IN_CHARGE = _re(r"组织实施|负责实施|负责执行|谁来?执行|谁来?实施|谁主管|主管部门|归谁管|(?:由谁|谁|哪个部门)负责(?:组织)?(?:实施|执行)?"
                r"|哪个部门管"
                r"|\b(?:in charge of|responsible for|implements?|implementing|implementation|enforces?|enforcing"
                r"|administers?|oversees?|overseeing)\b")
WHICH_DOCUMENTS = _re(r"哪些(?:法律|法规|文件|条例|政策|规定|法)|哪部(?:法|法律|法规|条例)|哪个(?:法律|法规|条例|文件)|哪几部|哪些地方有规定"
                      r"|哪几份(?:文件|法规|法律|条例)?|哪份(?:文件|法规|法律|条例)|哪些\s*(?:docs?|documents?)\b"
                      r"|\bwhich (?:laws?|regulations?|documents?|docs?|acts?|rules|texts|policies)\b|\bwhat (?:laws|regulations|documents|docs)\b"
                      r"|\bin which (?:law|regulation|document)s?\b"
                      r"|\bwhich of (?:the|these|those) (?:laws|regulations|documents|texts|rules)\b"
                      r"|^where (?:is|are) (?:the |an? )?[\w' -]{2,60}? (?:covered|mentioned|addressed|regulated|dealt with)\b"
                      r"|(?:在|是)哪些?(?:法律|法规|文件|条例)(?:里|中)?(?:有)?(?:规定|提到|讲到)")
# "哪些条款提到审计机关？" / "Which articles mention audit institutions?": every clause with the words, not a topic.
MENTIONS = _re(r"(?:哪些|哪几|什么)(?:条款|条文|法条|条|措施)(?:里|中)?(?:提到|提及|写到|出现|讲到|说到|含有|包含|用到)(?:了|过)?"
               r"[“\"'「]?(?P<term>[^？?“”\"'「」]{2,20}?)[”\"'」]?(?:这个词|一词|的内容|的规定)?[？?。]?$"
               r"|\bwhich (?:articles|clauses|provisions|measures)(?: of [\w' ]{2,60}?)? (?:mention|mentions|refer to|contain|use)"
               r"(?: the (?:words?|terms?|phrase))? [\"'“]?(?P<term_en>[^?\"'”]{2,60}?)[\"'”]?\??$")
# The words that ask which documents cover a topic, not part of the topic itself.
WHICH_WORDS = _re(r"涉及|规定了?|提到了?|提及|讲到了?|说到|写到|谈到|有关|关于|\b(?:mention\w*|cover\w*|deal\w* with"
                  r"|talk\w* about|say\w* about|address\w*|regulat\w*)\b")
DOCUMENT_WORDS = _re(r"这个文件|本文件|该文件|这份文件|这个方案|本方案|该方案|这部法|这个法|本法|该法|这个条例|本条例|该条例|这个规定|这个政策"
                     r"|\bthis (?:document|plan|law|regulation|regulations|policy|act)\b|\bthe (?:document|plan)\b")
GREETING_WORDS = """
你好 您好 你们好 大家好 嗨 哈喽 哈啰 早上好 上午好 下午好 晚上好 早安 晚安 谢谢 谢谢你 谢谢您 多谢 感谢 非常感谢 再见 拜拜
的解答 的回答 的帮助 啦 你是谁 你能做什么 你会什么 在吗 在不在 有人吗 好的 嗯 哦 啊 呀 呢 吧 哈 你 您 请问 麻烦问一下 打扰一下
hi hello hey hiya yo there thanks thx ty cheers bye goodbye ok okay morning
""".split()
_GREETING_PHRASES = ("thank you very much", "thank you", "many thanks", "a lot", "so much", "see you", "good morning",
                     "good afternoon", "good evening", "who are you", "what can you do", "are you there",
                     "thanks for earlier", "for earlier", "great", "and", "also", "so",
                     # small talk before the question (a weather word after it is a question about the weather)
                     "今天天气不错", "今天天气很好", "今天天气真好", "天气不错", "天气真好", "顺便问一下", "顺便问下",
                     "nice weather today", "nice weather", "lovely weather", "lovely day today", "lovely day",
                     "beautiful day today", "beautiful day", "how are you", "hope you are well", "hope you're well",
                     "by the way", "btw")
# Longest first, so "thank you very much" goes before "thank you".
GREETING_PHRASES = tuple(sorted((*GREETING_WORDS, *_GREETING_PHRASES), key=len, reverse=True))
ANAPHORA = _re(r"^这个(?![方文法条规政措])"
               r"|它|他们|她们|对方|人家|这条|那条|该条|此条|这一条|这项|那项|该项|这个措施|那个措施|这项措施|该措施|这个条款|该条款|上面那|上一条|刚才那|刚才说的|上述"
               r"|这几条|这些|上面这些|其中|这一点|这点|类似|同样的|这方面|这件事|这种情况|这个规定|这个问题"
               r"|(?:这个|该|这一)(?:标准|期限|比例|制度|机制|平台|定义|利率)"
               r"|那部分|这部分|那块|这块|那一块|这一块"
               r"|\b(?:that|this|there)\s*[?？]*$|\bof (?:those|these)\b|\bsimilar\b|\blike that\b|\bon this\b|\bthe same rule\b"
               r"|\bsame rules?\b|\bthat law\b|\bthat regulation\b|\bin it\b|\bthis one\b"
               r"|\b(?:set|draw|carry|sort|follow) (?:that|this|it) (?:up|out)\b|\b(?:does|do|did|handle[sd]?|run[s]?|implement[sd]?) (?:that|this)\s*[?？]*$"
               r"|\b(?:that|this) (?:revision|version|edition)\b|那个版本|这个版本|那一版|这一版"
               r"|\b(?:of|for|from|about|on|with|to|by) that\b(?! (?:plan|document|law|regulations?)\b)"
               r"|\bthis (?:measure|article|clause|one|item|goal|provision|rule)\b|\bthat (?:measure|article|clause|one|item|goal|provision|rule)\b"
               r"|\bit\b|\bits\b|\bthey\b|\bthem\b|\bthose\b|\bthe same\b|\babove\b"
               r"|\bthese (?:measures|articles|clauses|ones|items|provisions)\b|\beach of (?:them|these)\b")
# Pronouns that may as well open a new question ("A government agency owes me money … how long do they have?"):
# they make a follow-up only when the question's own topic words echo the earlier turn.
WEAK_ANAPHORA_WORDS = _re(r"\b(?:it|its|they|them|those|above)\b|\bthe same\b(?! rules?\b)|他们|她们|对方|人家")
# Words that name the kind of figure asked (补贴多少？ / how much funding?), not a topic of their own.
FIGURE_NOUNS = _re(r"补贴|补助|奖励|资助|扶持|资金|费用|金额|钱|期限|时限|比例|天数|数量|标准|多久|多少|几天|几年"
                   r"|\b(?:funding|funds?|subsid\w*|grants?|rewards?|money|amounts?|fees?|deadlines?|days?|months?|years?"
                   r"|limits?|rates?|percent\w*|share|figures?|numbers?|much|many|long)\b")
# "英文是什么？" / "in Chinese?" after a clause: that clause again, in the other language.
TRANSLATE_TO_EN = _re(r"英文|英语|英译|翻译成英|\bin english\b|\benglish (?:version|text|translation)\b|\btranslat\w*")
TRANSLATE_TO_ZH = _re(r"中文|原文|汉语|\bin chinese\b|\bchinese (?:version|text|original)\b|\boriginal text\b")
TRANSLATE_WORDS = _re(r"英文|英语|英译|翻译成?|中文|原文|汉语|版本?|怎么说|是什么|呢|吗|的|给我|看看|一下|请"
                      r"|\b(?:in|english|chinese|version|text|translation|translate|original|the|what|is|it|show|me|please"
                      r"|give|of|this|that|and|its)\b")
ELLIPSIS = _re(r"^(?:那|那么|那要是|那如果|还有|另外|再问|且)|呢[?？]?$|^(?:and|what about|how about|and what about|and for|also|so)\b"
               r"|^(?:but |and |so )?what if\b|又(?:点|点样|怎样|怎么样|如何|怎么说)[?？]?$"
               # "If the debtor is a public hospital instead?": one part of the earlier question changed
               r"|\binstead\s*[?？.!]*$|^(?:and |but )?if\b[^,，;；]*[?？]$"
               r"|\bwhat about\b|\bhow about\b")
# Words a follow-up uses without naming a topic of its own (who do I contact? how much? 那省级的呢?); 市 and 区 of
# 上市, 市场, 园区 are part of a topic.
GENERIC_WORDS = _re(r"这样|那样|里面|当中|由(?=哪|谁)"
                    r"|找|哪个|哪些|什么|部门|单位|机构|谁|负责|牵头|配合|联系|咨询|问|多少|钱|金额|几|级|的|呢|吗|么|那|那么|还有|它|这|这条|该|条|项|措施"
                    r"|国家级|省级|市级|区级|国家|省|(?<![上城超])市(?!场)|(?<![园社地])区(?!域)|呀|啊|吧|是|有|要|能|可以|怎么|如何|办|去|我|我们|请问|具体|讲|说|内容|规定|情况|再|又|也|还|都"
                    r"|一下|一点|详细|原文|全文|时候|时间|多久|多长|期限|为什么|谢谢|好的|继续|方案|文件|一共|总共|共|条款|这个|哪几|其中|分别"
                    r"|现在|目前|如今|还|有效|生效|失效|适用|管用|能用|版本"
                    r"|\b(?:who|whom|which|what|do|does|did|i|we|you|should|can|could|contact|department|departments|agency|"
                    r"office|bureau|bureaus|commission|authority|authorities|the|a|an|is|are|it|its|this|that|one|ones|about|and|how|much|many|long|when|for|to|of|in|on|"
                    r"municipal|national|provincial|district|city|level|state|say|says|said|mean|means|tell|me|more|"
                    r"please|again|details|text|full|responsible|lead|leads|in|charge|get|amount|money|funding|then|so|"
                    r"also|what's|whats|who's|there|any|be|will|would|ask|call|go|they|them|those|same|thanks|thank|ok|"
                    r"plan|document|measures?|clauses?|articles?|items?|total|altogether|cooperates?|cooperating|handles?|"
                    r"named|mentioned|has|have|there|are|does|which|ones|within|time|frame|timeframe|period|deadline|"
                    r"by|until|soon|often|figure|number|rate|percentage|percent|much|big|large|high|still|valid|force|"
                    r"effect|current|now|today|apply|applies|version|take|takes|taking|took|taken|come|came|into|was|were|did|do|where|"
                    r"too|as|well|either|part|bit|involved?|involves)\b")
# What a named body is: 市民营办是什么机构？ / What does 市民营办 stand for? (its full name, then its clauses).
WHAT_BODY = _re(r"是(?:个|一个)?(?:什么|哪个|啥|哪一个|咩)(?:机构|部门|单位|组织|机关|办公室|东西)|全称|全名|指的?是(?:什么|哪个|哪里)"
                r"|是什么意思|\bstand for\b|\bfull name\b|\bwhat kind of (?:body|agency|office|organi[sz]ation|department)\b"
                r"|^\s*what(?:'s| is| are)\s+(?:the\s+)?(?=\S+\s*\??\s*$)")
DEFINITION = _re(r"包括哪些|包不包括|包括[\u4e00-\u9fff]{2,10}吗|包含[\u4e00-\u9fff]{2,10}吗"
                 r"|是指|指的是|指什么|指(?:的)?(?:是)?(?:谁|哪个|哪些|哪一个)(?:部门|单位|机构)?\s*[?？]?$|什么是|算不算|(?:怎样|怎么|如何|点样)(?:先|才)算|属不属于|是否属于|怎么界定|如何界定|怎样界定|界定标准|定义|范围是|哪些算"
                 r"|(?<![结计清核预决估打换推盘运演])算(?:是)?[\u4e00-\u9fff]{2,12}吗"  # not 结算依据吗
                 r"|\bwhat(?: is| are|'s) (?:a |an |the )?[\w\s'-]{2,60}\?|\bwhat counts as\b|\bwho (?:counts|qualifies) as\b"
                 r"|\bwhat(?: is| are|'s) (?:a |an )\w+(?: \w+){0,3} (?:according to|under) (?:the|this|that)\b|\bdefin\w*|\bcount as\b|\bqualif\w* as\b"
                 r"|\bdoes [\w\s'-]{2,40} count\b|\bmean by\b|\bdoes (?:it|the term|[\w\s'-]{2,40}) include\b")
# Whom a law applies to (边啲人适用X条例 / who does the regulation apply to): its 适用本条例 / 适用于 article.
APPLIES_TO = _re(r"(?:哪些|什么|谁|哪类)(?:人|企业|主体|单位)?适用|适用(?:于)?(?:哪些|什么|谁|哪类)|适用范围|适用对象"
                 r"|\bwho (?:does|do) (?:the |this |that )?[\w\s'-]{0,40}apply to\b|\bappl(?:y|ies) to whom\b|\bscope of application\b"
                 r"|\bwho (?:is|are) covered by\b")
# "个体户算不算？" / "does that include sole traders?": whether something falls under the term just defined.
MEMBERSHIP = _re(r"算不算|属不属于|是否属于|包不包括|包括[\u4e00-\u9fff]{1,10}吗|算是?[\u4e00-\u9fff]{1,8}吗"
                 r"|\bcounts? as\b|\bdoes (?:it|that|this|the term) (?:include|cover)\b|\b(?:included|covered)\?")
# "国企改革那部分一共有几条？": how many measures a group has (the group listed, with its count).
GROUP_COUNT = _re(r"(?:部分|方面|这一组|那一组|这组|那组|这一类|那一类)\S{0,4}?(?:一共|总共|共)?有?(?:几|多少)(?:条|项)"
                  r"|\bhow many (?:of (?:those|them|these) |measures |articles |clauses )(?:are |fall |come |sit )?(?:in|under|within) "
                  r"(?:the|that|this) [\w' -]{0,40}?(?:group|section|part|area|category)\b")
# "几条？分别是什么？": the items themselves asked for, not only their count.
ENUMERATE = _re(r"分别是(?!多少|几)|分别有(?!多少|几)|各是什么|各有哪些|都是什么|都有哪些|是哪几|有哪几|是哪些|有哪些|列出来|列一下"
                r"|提了哪[几些]|提到哪[几些]|讲了哪[几些]"
                r"|\bwhat are they\b|\bwhich are they\b|\blist them\b|\bname them\b|\band what are\b")
# A work plan's sections that are no group of measures: its principles, goals, work requirements.
SECTION_UNITS = _re(r"原则|目标|工作要求|\bprinciples?\b|\bgoals?\b|\btargets?\b|\brequirements?\b")
# A work plan's group or part by its number: 第（六）部分, （三）这组, group 6, section (6).
GROUP_REF = _re(r"第\s*(?P<paren>[（(])?\s*(?P<n>[一二三四五六七八九十]+|\d{1,2})\s*[）)]?\s*(?:部分|组|大类|类措施|方面措施|块)"
                r"|[（(]\s*(?P<n2>[一二三四五六七八九十]+)\s*[）)]\s*(?:部分|组|这组|那组|这一组|那一组|类|这块|那块)"
                r"|\b(?:group|section)\s*(?:no\.?\s*|#\s*)?(?P<p3>\()?(?P<n3>\d{1,2}|[ivx]{1,4})\)?(?!\s*of\b)"
                # "part (一) of the main measures": a bracketed Chinese numeral is a group, never a measure's part
                r"|\b(?:part|group|section)\s*[（(]\s*(?P<n4>[一二三四五六七八九十]+|\d{1,2}(?=\s*[）)]\s*of (?:the )?(?:main )?measures\b))\s*[）)]")
CLAUSE_LISTING = _re(r"(?:哪些|哪几|什么|啥|有何|哪方面)(?:的)?(?:条|项|个)?(?:扶持|支持|优惠|具体)?(?:措施|政策|规定|举措|办法|原则|目标|要求|条款)"
                     r"|(?:包括|包含|有|是)哪(?:几|些)(?:条|项)|(?:方面|那块|这块|那一块|这一块)(?:咋|怎么|如何)(?:支持|扶持|帮)"
                     + _SECTION_LIST +
                     r"|(?:措施|政策|规定|原则|目标|要求|条款)(?:有哪些|都有哪些|是哪些|都是哪些|包括哪些|有什么|都有什么|是什么|(?:分别|各)(?:是|有)(?:什么|哪些|啥))"
                     r"|\b(?:what|which) (?:support )?(?:measures|policies|provisions|articles|clauses|principles|goals|targets|requirements|steps)\b"
                     r"|\blist (?:the |all )?(?:[a-z0-9]+ ){0,3}(?:measures|provisions|principles|goals|targets|requirements)\b"
                     r"|\b(?:what|which) [a-z-]+ (?:measures|policies|provisions)\b|\b(?:section|part|group) (?:on|about)\b"
                     r"|(?:措施|政策|规定|条款)(?:有|都有)?哪写"
                     # 三个基本原则是哪三个 / 主要目标是哪四个: the section's clauses, counted in the asking
                     r"|(?:原则|目标|要求|措施)(?:是|有|分别是)?哪[一二三四五六七八九十几\d]+(?:个|条|项)"
                     r"|\bany (?:support )?(?:measures|policies|provisions)\b|\bmeasures (?:on|about|for|regarding|concerning)\b"
                     r"|\bthe [a-z-]+ measures\b(?! of\b)")
# "客户欠款半年了怎么办" / "What can I do?": what the asker may do about it (a right to claim, a complaint), not only
# the rule the other side broke.
REMEDY = _re(r"(?:我|我们|咱们?)?(?:该|应该|应当|可以|能|要)?(?:怎么办|咋办|点算|点办|点做|点搞|点处理)|(?:怎么|如何|怎样|点样)维权|维权"
             r"|有(?:什么|啥|咩|乜)(?:办法|途径|渠道|出路)"
             r"|\bwhat (?:can|should|do) (?:i|we) do\b|\bwhat are (?:my|our) (?:options|rights)\b|\brecourse\b"
             r"|\bwhat (?:can|should|could) (?:the |a |an |my |our )?(?:supplier|sme|small firm|company|business|firm|seller|contractor)s? do\b"
             r"|\bhow (?:can|do) (?:i|we) (?:get (?:my|our) money|get paid|recover)\b")
# The plan's departments ranked by how many measures they lead or cooperate on (哪个部门牵头最多 / "which department
# leads the most measures?"), or the measures that name no cooperating (or lead) department.
DEPARTMENT_MOST = _re(r"(?:哪个|哪家|哪些|什么|啥)(?:部门|单位|机构)[^，。？?]{0,10}?(?:最多|最少)"
                      r"|(?:牵头|负责|配合|参与)(?:的)?(?:措施|任务|工作|条款|条|项)?(?:最多|最少)(?:的)?(?:是)?(?:哪个|哪些|什么|啥)?(?:部门|单位|机构)"
                      r"|\b(?:which|what) (?:departments?|bod(?:y|ies)|agenc(?:y|ies)|bureaus?|offices?) (?:\w+ ){0,4}?"
                      r"(?:the )?(?:most|fewest|least|largest number of|biggest number of)\b"
                      r"|\bbusiest (?:department|body|agency|bureau)\b|\bmost (?:measures|tasks)\b")
NO_ROLE_NAMED = _re(r"(?:哪些|哪几|哪)(?:条|项|个)?(?:措施|条款)?[^，。？?]{0,6}?(?:没有|没|无|不)(?:写|列|规定|注明|指定|安排)?(?:明)?"
                    r"(?:配合|协办|牵头)(?:部门|单位)"
                    r"|(?:没有|没写|无)(?:配合|牵头)(?:部门|单位)的(?:措施|条款|是哪|有哪)"
                    r"|\b(?:which|what) measures? (?:\w+ ){0,2}?(?:has|have|had|lists?|names?|gives?) no (?:cooperating|co-operating|supporting"
                    r"|partner|lead|leading) (?:departments?|bod(?:y|ies)|agenc(?:y|ies))"
                    r"|\bmeasures? (?:with(?:out)?|having) (?:no |any )?(?:cooperating|co-operating|supporting|partner|a lead|lead|leading) "
                    r"(?:departments?|bod(?:y|ies)|agenc(?:y|ies))")
# "What's the full title of this document?" / 全称是什么: the document's title.
TITLE = _re(r"全称|全名|完整(?:的)?(?:名称|标题|名字)|标题是|正式名称|(?:文件|方案|条例|这部法|这个法|这份)(?:的)?(?:名字|名称)?叫什么"
            r"|\b(?:full|complete|official|exact) (?:title|name)\b|\bwhat(?:'s| is) (?:the |its )?title\b")
# "这份文件的信息来源是哪个网站？" / "which website is it from?": the source the text names.
SOURCE_SITE = _re(r"信息来源|来源(?:是)?(?:哪个|什么)?网站|出自哪(?:个|里)|哪个网站|\b(?:which|what) (?:web)?site\b|\bsource website\b"
                  r"|\bwhere (?:does|did) (?:this|the|it) (?:text|document|plan)? ?come from\b")
# 政府换届了，之前答应的政策还算数吗？: whether a promise holds (PEPL Art. 70), not whether a document is in force.
PROMISE = _re(r"换届|答应|承诺|许诺|说好的|\bpromis\w*|\bcommitment\w*")
# "给我这条的引用格式" / "give me a citation for Article 17": the line to paste, not only the clause.
CITATION_REQUEST = _re(r"引用格式|引用方式|引文格式|的引用|怎么引用|如何引用|引用一下|出处格式|规范引用"
                       r"|\bcitations?\b|\bhow (?:do|should|can) (?:i|we) cite\b|\bcite (?:it|this|that)\b")
# What happens to someone who breaks a rule: the document's legal-liability articles (违反了怎么处理 / penalty).
# "现在该找谁？" / "who do I contact now?": today, not when the text was written.
NOW = _re(r"现在|目前|如今|而家|当前|\b(?:now|today|currently|these days|nowadays)\b")
LIABILITY = _re(r"处罚|惩罚|罚款|罚则|处分|法律责任|追究|什么后果|有何后果|啥后果|后果是什么|(?:会|要)?怎么罚|不守规矩"
                # 会唔会被列入失信 / "will they be blacklisted?": a credit sanction
                # (getting off it again, 信用修复 / "credit repair", is a right, not a sanction)
                r"|(?:(?:列入|纳入|记入|上)(?:失信|黑名单)|失信名单|\bblacklist\w*|\bcredit (?:record|blacklist)s?\b)"
                r"(?![^。？?]{0,30}(?:修复|移出|撤销|repair|remov|restor|clear|get off))"
                # 要是他们无故拒收材料呢 / "what if they just refuse to accept my materials?": an official's refusal
                r"|(?:无故|违法|擅自|随便)?(?:拒收|拒绝受理|拒绝接收|不予受理|不受理)[^，。？?]{0,8}?(?:呢|会点|会怎样|会怎么样|怎么办|点算)"
                r"|\bwhat if (?:they|it|he|she|the [\w-]+) (?:just |simply |then |still |unlawfully )?(?:refus|reject|won'?t accept|don'?t accept"
                r"|lie|lies|hide|hides|fake|fakes|falsif|conceal|cheat)"
                r"|\bif (?:they|it|the [\w-]+) (?:\w+ ){0,2}(?:refus|reject|fail|ignor|break|violat)\w*[^?]{0,60}\bwhat happens\b"
                r"|会不会(?:被|有)?罚|(?:会|要)被罚|有没有罚|有罚吗|罚不罚|有(?:什么|啥|咩|乜)(?:惩)?罚|(?:点|怎样|怎么样)罚|会唔会(?:被)?罚"
                r"|不(?:披露|公示|公开|报告|支付|履行|改正|整改)\S{0,2}?(?:的话)?(?:会怎样|会怎么样|会如何|会被|有什么后果)"
                r"|(?:违反|违规|违法|不遵守|不执行|做不到|不照做|不这样做|不公示|不公开|不报告|拒不|拒收|无故拒绝)"
                r"\S{0,4}?(?:了|的话)?\S{0,2}?(?:怎么处理|如何处理|怎么办|会怎样|会怎么样|怎么罚|会被|有什么|谁(?:来)?(?:担责|负责|承担))|被怎么处理|怎么追责|谁来(?:罚|处理|追责)"
                r"|谁(?:来)?(?:担责|承担责任)|担什么责|承担什么责任|负什么责任"
                # 政府部门拖欠民营企业货款，会怎么处理 / 要是他们非要我垫资，会怎么处理: a wrong, then how it is dealt with
                r"|(?:拖欠|欠款|欠钱|不付款|不付钱|违约|违反|违规|乱收费|垫资)[^。？?]{0,14}会(?:被)?(?:怎么|如何|怎样)处理"
                r"|(?:非要|硬要|强行|坚持要?)[^。？?]{0,14}(?:会怎么处理|会如何处理|会怎样处理|会怎么样|会有什么后果)"
                # 违反广州条例第三十六条会怎样: a clause reference between the breach and the question
                r"|违反[^，。,.？?!！]{0,16}?(?:会怎样|会怎么样|会点样?|会如何|会有咩|有什么后果|怎么处理|如何处理)"
                # 挪用中小企业发展基金的人怎么处理 / 招投标里排斥民企的官员会怎么处理: misconduct, then what befalls it
                r"|(?:挪用|侵占|截留|贪污|骗取|套取|排斥|歧视|刁难|报复|滥用|玩忽|徇私|索要|强制)[^，。,.？?!！]{0,16}?"
                r"(?:的人|的官员|的干部|的单位|的企业|者)?(?:会|要)?(?:被)?(?:怎么处理|如何处理|怎样处理|会怎样|有什么后果|怎么罚)"
                r"|\bpenalt\w*|\bpunish\w*|\bsanction\w*|\bconsequences?\b|\bliab\w*|\bfined\b|\bfines\b"
                r"|\bwhat happens to (?:the |a |an |that )?[\w -]{2,30}? (?:if|when) (?:it|they|he|she)\b"
                r"|\bwhat happens (?:if|when) (?:they|it|he|she|(?:the|a|an) (?:\w+ )?\w+|companies|agencies)\b[^?]{0,40}"
                r"(?:n't|not|fail|refuse|break|violat|ignor|hide|hides|fake|fakes|falsif|conceal|without|forc|retaliat|abus|obstruct"
                r"|discriminat|exclud)"
                r"|\bwhat happen(?:s|ed) to (?:the )?(?:officials?|them|those|people|staff|the \w+) ?(?:responsible|involved|who)?"
                r"|\bwhat happen(?:s|ed) to (?:a|an|the|any)? ?(?:\w+ ){0,3}?(?:that|who|which) (?:\w+ )?(?:retaliat|refus|fail|delay|"
                r"violat|break|hide|conceal|abuse|force|require|demand|charge|ignor|obstruct|does ?n[o']t|don'?t|do not|won'?t|pays? late)"
                # "what if an official harms them by not doing their job?": misconduct of those who act for the state
                r"|\bwhat if (?:an? |the )?(?:officials?|civil servants?|staff|government (?:bod(?:y|ies)|agenc\w+|departments?)"
                r"|agenc(?:y|ies)|departments?)\b"
                r"|\b(?:the|a) fine\b|\bfine (?:if|for|of)\b"
                r"|\bheld (?:accountable|responsible)\b|\bif they (?:break|violate|ignore)\b"
                r"|\bwhat happens if (?:someone|somebody|anyone|a (?:company|firm|business|buyer|client|customer|official|department"
                r"|government (?:body|agency|department)|agency|body|authority|bureau))"
                r"\b(?! (?:is|are|wants?|needs?|applies|qualifies)\b)"
                r"|\b(?:do|does|did) (?:it|so|this|that) (?:illegally|unlawfully)\b"
                r"|(?:会|要)?(?:有|负|担|承担)什么(?:样的?)?(?:法律)?责任")
DOCUMENT_TALK = _re(r"法|条例|方案|文件|规定|政策|版本|\blaw\b|\bregulations?\b|\bplan\b|\bpolicy\b|\bdocument\b|\bversion\b"
                    r"|\btext\b|\brules?\b|\bact\b")

# A work plan's sections by name (its basic principles, main goals, work requirements, guiding ideology).
PLAN_SECTIONS = _re(r"基本原则|主要目标|工作要求|指导思想|主要措施|\bbasic principles\b|\bmain (?:goals|targets)\b"
                    r"|\bwork requirements\b|\bguiding (?:ideology|thought|principle)\b")
# One of the clauses the earlier turn listed, picked by its topic ("which one is about …", 发债那条是第几条).
AMONG_LISTED = _re(r"\bwhich (?:one|of (?:them|these|those))\b|\bwhich (?:measure|article|clause) (?:is|was|deals|covers)\b"
                   r"|哪一条|哪条|哪一项|哪项|哪个是|那条是第几条|那条是哪条|的是第几条|是第几条")
THE_ONE_ON = _re(r"\bthe one (?:on|about|for|that|which|dealing)\b")
# A bare "which X?" asks to pin down the earlier turn's matter ("Which industries?", 哪些行业？).
WHICH_ONES = _re(r"^(?:and |so |ok,? )?(?:which|what) (?:kinds? of |sorts? of |types? of )?[a-z-]+\s*\??$"
                 r"|^(?:那|那么)?(?:是)?(?:哪些|哪几个|哪几种|哪几类|哪个|哪种|哪类)[\u4e00-\u9fff]{1,4}(?:呢|啊)?[？?]?$")
