"""Page furniture as data: widget residue, photo credits, datelines, bylines and dates.

Kept apart from the logic in ``clean.py`` and ``textdump.py`` so a new site's residue is one
line here, not a code change. Every pattern runs on one stripped line (or the start of one
paragraph) and is compiled once. Patterns are deliberately anchored (``^...$``): a body sentence
that merely *contains* "Share" or "Advertisement" is never dropped.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Whole lines that are widget residue, never content. Matched against the stripped line.
# ---------------------------------------------------------------------------------------------
# A radio story's programme line ("Heard on Morning Edition"): residue, and the presenter's name
# follows it on its own line (NPR; clean.py drops that too).
HEARD_ON_LINE = r"heard on [A-Z][\w ]{2,40}"
# A video box's length line ("01:58 - Source: CNN"): widget residue, and the line above it is the video's title.
VIDEO_LENGTH = r"\d{1,2}:\d{2}(?:\s*-\s*source:\s*.{1,40})?"
_NOISE_LINES = [
    r"T{1,2}",                                    # font-size widget ("TT", "T")
    r"A\s*A\s*A?|A[-+]\s*A[-+]?",                 # font-size widget, other skins ("A A A", "A- A+")
    r"\d{1,6}",                                   # bare share / comment counter ("20")
    r"\d{1,6}\s*(?:shares?|comments?|views?|reads?)",
    r"(?:shares?|comments?)\s*\d{1,6}",
    r"(?:advertisement|advertising|sponsored(?: content)?|ad(?:vert)?)(?:\s*[·•|-]\s*scroll to continue)?",
    r"(?:continue )?read(?:ing)? (?:more|the rest(?: here)?|full (?:story|article))\.?(?: »| >>?)?",
    r"read more\s*:.*",
    r"share|share this(?: article| story| page)?|share on \w+|tweet|email|print|copy link|whatsapp|"
    r"facebook|twitter|linkedin|reddit|pinterest|telegram|flipboard",
    r"(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp)(?:\s*[|·•/]\s*"
    r"(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|copy link))+",
    r"follow (?:us|\w+) on .{1,60}",
    r"(?:sign up|subscribe)(?: now)?(?: (?:for|to)(?: our)? .{1,60})?\.?",
    r"get (?:our|the) .{1,40}newsletter.{0,40}",
    r"related(?: articles?| stories| coverage| content| links| news)?\s*:?",
    r"(?:more|also) (?:from|on|in) .{1,40}:?|you (?:may|might) also like:?|recommended(?: for you)?:?|"
    r"most (?:read|popular|viewed):?|trending(?: now)?:?|top stories:?|what to read next:?",
    r"image:?|photo:?|video:?|gallery:?|watch:?|listen:?|audio:?",
    r"(?:listen to|gift|save|share) (?:this|the) (?:article|story)(?:\s*\d{1,2}:\d{2})?|copy link(?: copied)?|link copied",
    r"loading(?: form)?\.*|please wait\.*",
    r"skip to (?:main )?content|skip to [\w ]{1,30}|back to top|scroll to (?:top|continue).*|jump to comments?",
    r"(?:view|see) (?:comments?|gallery|all photos|this post on \w+)",
    r"(?:accept|reject|manage)(?: all)? cookies|cookie (?:settings|preferences|policy)|got it!?",
    r"[_\-=*~•·#]{3,}\.?",                        # rules and separators ("___", "* * *")
    r"(?:\*\s*){3,}",
    r"embed(?: from getty images)?|twitter ads info and privacy|pic\.twitter\.com/\S+\.?",
    r"a post shared by .{1,80}",
    r"(?:updated|published|posted)\s*:?\s*\d{1,2}:\d{2}.*",
    r"(?:updated|published|posted)\s+(?:about\s+)?(?:an?|\d{1,2})\s+(?:minutes?|hours?|days?)\s+ago",
    r"count",                                                             # a share button's counter label (Dawn)
    r"(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)",
    r"close|menu|search|home|log ?in|sign in|register|save|read later|comments?",
    r"listen to this (?:article|story)|\d{1,2} mins?(?: read| listen)?",   # audio widget ("4 mins")
    r"list of \d{1,2} items|list \d{1,2} of \d{1,2}|end of list",          # related-list scaffolding
    r"also read\s*[|:].{0,160}",                                          # "Also Read | Civic polls: ..."
    r"staff (?:correspondent|reporter|writer)s?",
    r"\d{1,2} min(?:ute)?s? read|updated|published|link copied!?|see all topics|all news|today['’]s paper",
    r"supported by|skip advertisement|share full article|related content|site index|site information navigation",
    r"(?:video )?ad feedback|send us your feedback|explore more|keywords|topics you follow|sign out|settings",
    r"\(end\)|\(attn:.{0,200}\)|reporting from [A-Z].{1,60}",
    VIDEO_LENGTH,                                                         # a video's length ("01:58 - Source: CNN")
    r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",                           # a bare link or reporter's email                                                      # a bare short link ("https://p.dw.com/p/4rQx7")
    r".{0,60}(?:©|\(c\))\s*\d{4}.{0,120}|copyright\s*\(c\).{0,160}",
    r"topics?\s*:\s*.{1,60}|share (?:article|options)|x \(formerly twitter\)",
    r"source\s*:\s*[\w .,&'’-]{2,60}(?:agencies|wires)",                  # "Source: Al Jazeera and news agencies"
    r"(?:©|\(c\)|copyright)\s*\d{4}.*",
    # image viewers, editions, menus and membership asks of news sites' page chrome
    r"view image in fullscreen|close dialogue.{0,80}|show more(?:\s*hide expanded menu)?|[A-Z][\w ]{1,30} edition",
    r"print subscriptions|search jobs|.{1,40} - back to home|reuse this content|explore more on these topics",
    r"kindly share this story:?|play live|follow|become a (?:member|subscriber)|support us|x|bookmark|watch live",
    r"why you can trust .{1,30}|comments?\s*\(\d{1,6}\)|discover more stories on:?",
    r"tap here|newsletter|for subscribers|open this photo in gallery:?|read:\s.{5,200}",
    r"source:\s*[A-Z]{2,10}/[a-z]{1,4}\([a-z]{1,4}\)",                    # CNA's desk slug "Source: CNA/na(ws)"
    r"(?:©\s*)?copyright\s*(?:©\s*)?\d{4}.*",
    # audio players and page chrome of public-radio and broadcaster sites (NPR, Euronews)
    r"sponsor message|accessibility links|keyboard shortcuts for audio player|toggle more options|playlist|download"
    r"|transcript|\d{1,2}-minute listen|listen\s*[·•|-]?\s*\d{1,2}:\d{2}",
    HEARD_ON_LINE,
    r"copy(?:/paste the article video embed link below:?)?|e-paper|conversation guidelines",
    r"(?:your )?browser (?:is )?no longer supported\.?", r"edit|spin the wheel(?: now)?|advertise with us",
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:and (?:[A-Z][\w.'’-]*\s+){1,4})?contributed (?:reporting|to this (?:report|article|story))\.?"
    r"|additional reporting by .{2,80}",
    r"press play to listen to this (?:article|story)|voiced by artificial intelligence\.?",  # POLITICO's audio box
    r"(?:(?:[^|.]|\.(?=\w)){1,40}\s*\|\s*){2,}(?:[^|.]|\.(?=\w)){1,40}",  # a menu on one line ("Support HKFP | Policies & Ethics | ...", "Perfil.com | Noticias | ...")
    r"copy url|how does this make you feel\??",                              # share and reaction widgets
    r"comments?\s*[-–—:]\s*please (?:log ?in|sign in|register)\b.{0,40}|do not sell or share my personal information",
    r"tag(?:s|ged)\s*:\s*.{0,300}",                                       # "TAGGED: courts, delivery riders, ...", "Tags:"
    r"(?-i:[-–—]\s*[A-Z]{2,10}(?:\s*/\s*[A-Z]{2,10}){1,3})",                # a wire sign-off of desk tags ("– TIMES/NA")
    r"with files from .{2,80}|duration\s*\d{1,2}:\d{2}|social sharing",                    # CBC: contributors, a video's length
    r"do you like (?:the content of )?this (?:article|story)\?(?:\s*yes\s*no)?|yes|no",  # a reader poll and its buttons
    r"[\w .'’-]{1,40} mobile app|donate|text ad\s*:.{0,200}|[\w .'’-]{1,30} campaign ad",  # apps, donations, ads
]
NOISE_LINE = re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in _NOISE_LINES) + r")$", re.IGNORECASE)

# Longer residue recognised by its opening words (cookie banners, newsletter promos, paywalls).
_NOISE_PREFIXES = [
    r"we use cookies", r"this (?:web)?site uses cookies", r"by (?:continuing to use|using) this (?:web)?site",
    r"by clicking .{0,40}(?:accept|agree)", r"sign up for (?:our|the) .{0,40}newsletter",
    r"subscribe to (?:our|the) .{0,40}newsletter", r"click here to (?:subscribe|sign up|read|follow|share)",
    r"skip to (?:content|main|site)", r"skip next section", r"to view this video please enable javascript",
    r"listen to this (?:article|story)\b", r"a version of this article appears in print",
    r"see more on\s*:", r"[A-Z][^.]{0,200}\. more about [A-Z][\w.'’ -]{2,60}$",
    r"save articles to read later", r"get the latest news from .{1,60}(?:inbox|email)",
    r"\(?this story has not been edited by",
    r"to continue reading", r"please upgrade your browser\b", r"you have reached your (?:free )?article limit",
    r"already a subscriber", r"support (?:our|independent) journalism",
    r"this article (?:was|has been) (?:updated|amended)\b.{0,60}$",
    r"our standards\s*:", r"follow .{1,40} on (?:whatsapp|telegram|x|twitter|facebook|instagram|google news)\b",
    r"join (?:our|[A-Z][\w'’]{1,15}) (?:whatsapp|telegram) channel",
    r"read \d+ articles? and stand to win", r"need help\? reach us",
    # a membership ask closing the story (Times of Israel): the reader addressed, the site's own story told
    r"already a member\?", r"join our community$", r"you['’]re an early bird$", r"(?-i:[A-Z][\w ]{2,40} Community)$",
    r"we['’]re (?:really )?(?:pleased|glad) that you['’]ve read", r"so now we have a request\b",
    r"that['’]s why we started\b", r"(?:copyright|©).{0,60}all rights reserved\.?",
    r"keep up to date with .{1,80} by downloading the .{1,40} app", r"keep up with all the latest news\b",
    r"do you have questions about the biggest topics", r"get whatsapp alerts from", r"get our pick of top stories",
    r"you must be logged in to\b", r"safeguard press freedom\b", r"[A-Z]{2,10} is an impartial platform\b",
    # a correction note under the story: "Correction 17/4/2025, 18:10: A previous version of this article ..."
    r"(?:correction|clarification)\b.{0,30}?:\s+(?:an?|the) (?:earlier|previous) version of this (?:article|story)\b",
    r"listen to .{1,60} (?:podcast|on spotify|on apple podcasts)\b",
    # a wire's subscriber notice (Anadolu) and a paper's donation ask (Premium Times)
    r"[\w .'’-]{1,40} website contains only a portion of the news stories", r"good journalism costs a lot of money",
    r"for continued free access to\b", r"by contributing to [\w .'’-]{1,40}, you are helping",
    r"support [\w .'’-]{1,40} journalism of integrity", r"add (?:some )?.{1,30} to your (?:morning|evening|day|inbox|week)\b",
    r"listen to the best of .{1,60} on \w+", r"have a (?:confidential )?(?:news )?tip\b", r"before it['’]s here, it['’]s on the \w+ terminal",
]
NOISE_PREFIX = re.compile(r"^(?:" + "|".join(_NOISE_PREFIXES) + r")", re.IGNORECASE)

# Lines that open a list of related links: the heading and the short link lines after it go.
RELATED_HEADING = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| links| news| reading| topics)?|more (?:from|on) .{1,40}"
    r"|you (?:may|might) also like|must read|more(?=\s*:)|sponsored(?: content| stories| links)?(?: by \w+)?|recommended(?: for you| stories| reading)?|read (?:more|next|also)|see also"
    r"|follow(?=\s*:\s*$)|keywords(?=\s*$)|(?:skip next section )?(?:related topics|explore more|more from \w+)"
    r"|most (?:read|popular|viewed|liked)|trending(?: now)?|top stories|what to read next|latest (?:news|stories)|also worth reading"
    r"|more stories from .{1,40}|popular on .{1,40}|.{1,30} editors['’] picks)"
    r"\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A promotion box printed inline ("skip past newsletter promotion" ... "after newsletter promotion"):
# every line from the opening marker to the closing one goes, if the closing one comes within
# PROMO_MAX_LINES lines (clean.py).
PROMO_START = re.compile(r"^(?:skip (?:past|over) (?:\w+ )?(?:newsletter )?promotion|note from the author:?|support [\w'’ ]{2,40})$",
                         re.IGNORECASE)
# A newsletter sign-up line; the short blurb under it is part of the promotion (clean.py).
NEWSLETTER_SIGNUP = re.compile(r"^(?:sign up|subscribe)\b.{0,60}\bnewsletter\b.{0,20}$", re.IGNORECASE)
# Any short sign-up line ("Sign up for push alerts"): the line under it is its blurb when it talks
# to the reader (clean.py).
SIGNUP_LINE = re.compile(r"^(?:sign up|subscribe)\b.{0,60}$", re.IGNORECASE)
# A button line ("Sign up", "Subscribe now"); the short line above it that talks to the reader is its
# blurb ("Get the day's top stories from Japan in your inbox every morning.", clean.py).
CALL_TO_ACTION = re.compile(r"^(?:sign up(?: now| today| here)?|subscribe(?: now| today| here)?|register now|join now)\.?$",
                            re.IGNORECASE)
READER_ADDRESS = re.compile(r"\b(?:you|your|inbox|subscribe|subscription|newsletter|sign up|readers?)\b", re.IGNORECASE)
PROMO_END = re.compile(r"^(?:after (?:\w+ )?(?:newsletter )?promotion|become an? (?:[\w'’]+ ){0,2}(?:member|subscriber|insider))$",
                       re.IGNORECASE)

# Wire trailers and contributor lines: credits for the story, not part of it.
# "Reporting by Jane Doe in Kyiv; Editing by John Roe" (in parentheses or not), "Additional reporting by ...",
# "Associated Press writer Jane Doe contributed to this report.", "—With assistance from Jane Doe"
TRAILER = re.compile(
    r"^\(?(?:(?:additional )?(?:reporting|writing|editing|compiled|research) by [A-Z].{0,200}?;\s*"
    r"(?:additional )?(?:reporting|writing|editing|compiled|research) by [A-Z].{0,200}"
    r"|(?:associated press |ap |staff |afp )?(?:writers?|reporters?|correspondents?) [A-Z][\w.'’ ,-]{2,120}?"
    r"contributed(?: to)? (?:this|the) (?:report|story|article)\b.{0,80}"
    r"|[-–—]{1,2}\s*with assistance from [A-Z].{0,160}"
    r"|[A-Z][\w.&]{1,20}['’]s [A-Z][\w.'’ -]{2,80}? contributed(?: to)? (?:this|the) (?:report|story)\.?"
    r"|edited by\s*:\s*[A-Z].{1,60})\)?$",
    re.IGNORECASE,
)

# A link-list item: a bullet, or a short line with no sentence-final punctuation.
LIST_BULLET = re.compile(r"^(?:[-•·*▪►>]|\d{1,2}[.)])\s+\S")

# "- Won't 'lead to anything' -", "— Title —", "* Title *", "### Title": decoration to strip.
SUBHEADING_DECORATION = re.compile(r"^(?:[-–—*#=•]+\s*)(?P<text>.*?\S)(?:\s*[-–—*#=•]+)?$|^(?P<text2>.*?\S)\s*[-–—*#=•]+$")

# ---------------------------------------------------------------------------------------------
# Photo credits. Each pattern runs on a stripped line; group ``credit`` is the credit as
# written, ``caption`` (where there is one) the caption text before it.
# ---------------------------------------------------------------------------------------------
PHOTO_AGENCIES = (
    "AP", "AFP", "EPA", "EPA-EFE", "Reuters", "REUTERS", "Getty Images", "Getty", "Shutterstock",
    "Bloomberg", "Anadolu", "Xinhua", "TASS", "Sputnik", "Kremlin", "Pool", "dpa", "ANSA", "Alamy",
    "Sipa", "NurPhoto", "SOPA Images", "Zuma", "ZUMA Press", "UPI", "Yonhap", "Kyodo", "PA",
    "PA Images", "Abaca", "Instagram", "handout", "Handout",
)
_AGENCY = "|".join(sorted((re.escape(a) for a in PHOTO_AGENCIES), key=len, reverse=True))
_NAME = r"[A-Z](?:\.|[\w'’-]*)(?:\s+(?:[A-Z](?:\.|[\w'’-]*)|de|van|von|da|al|el|bin))*"  # no "Washington." 
_CREDIT_WORD = r"(?:photo|photograph|image|pic|picture|foto|courtesy|credit|handout|file|pool)"

# "... Bayelsa State. [PHOTO CREDIT: Oruama Youth Council]": a labelled credit in square brackets,
# read as the same credit unbracketed (clean.py).
BRACKETED_CREDIT = re.compile(r"\s*\[(?P<credit>(?:photo(?:\s+credit)?|credit|image)\s*:\s*[^\[\]]{2,60})\]\s*$",
                              re.IGNORECASE)
CREDIT_PATTERNS = (
    # "... forces. (EPA/Alexander Kazakov/Sputnik/Kremlin)", "(AP Photo/Pavel Bednyakov)", "(Getty Images)"
    re.compile(
        r"^(?P<caption>.*?)\s*\((?P<credit>[^()]*(?:/|\b" + _CREDIT_WORD + r"\b|\b(?:" + _AGENCY + r")\b)[^()]*)\)\s*\.?$",
        re.IGNORECASE,
    ),
    # "... in Kyiv. Photo: Jane Doe/AFP", "Photograph by Jane Doe", "Credit: Reuters", "ST PHOTO: JANE DOE"
    re.compile(
        r"^(?P<caption>.*?)\s*(?:[|•·—–]\s*)?(?:\b|(?<=[0-9a-z.]))(?:(?-i:[A-Z]{2,5})\s+(?=photo))?(?:(?:Photo(?:graph)?(?:er)?s?|Image|Picture|Pic|Foto)(?:\s+credit)?|Credit)\s*(?::|by|\.\.\.)\s*"
        r"(?P<credit>(?:[A-Z]\.\s?){0,3}[^.]{2,80}?)\s*\.?$",
        re.IGNORECASE,
    ),
    # "... in Kyiv. REUTERS/Gleb Garanich", "... Reuters/Jane Doe"
    re.compile(r"^(?P<caption>.*?)\s*(?:[|•·-]\s*)?(?P<credit>\b(?:" + _AGENCY + r")\s?/\s?" + _NAME + r")\s*\.?$"),
    # "... in Delaware. Chip Somodevilla/Getty Images", "... Jane Doe/AFP via Getty Images"
    re.compile(
        r"^(?P<caption>.*?)\s*(?:[|•·-]\s*)?(?P<credit>\b" + _NAME + r"\s?/\s?(?:" + _AGENCY + r")(?: via Getty Images)?)\s*\.?$"
    ),
    # "... on Saturday, Oct. 11, 2025. Jane Doe/The Millbrook Ledger": a person's name, a slash and
    # an outlet's capitalised name, after a finished sentence (US local papers' credit style)
    re.compile(
        r"^(?P<caption>.*?[.!?”\"])\s+(?P<credit>[A-Z][\w'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][\w'’-]+){1,2}\s?/\s?"
        r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,5})\s*$"
    ),
    # "... caught fire in July. (Supplied: Fire and Rescue NSW)", "(ABC News: Dan Hogarth)": a
    # finished sentence, then a parenthesised "Source: Name" (Australian papers' credit style)
    re.compile(
        r"^(?P<caption>.*?[.!?”\"])\s*\((?P<credit>(?:Supplied|[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})"
        r"\s*:\s*[^()]{2,60})\)\s*$"
    ),
    # "... Shan State on June 10, 2025 [Handout/Thanlwin Defence Army]": a bracketed credit with a slash
    re.compile(r"^(?P<caption>.*?)\s*\[(?P<credit>[^\[\]/]{2,60}/[^\[\]]{2,60})\]\s*$"),
    # "... the day after the by-election.ALEX PENNYWORTH/THE CANADIAN PRESS": a capitalised credit glued on
    re.compile(r"^(?P<caption>.*?[.!?”\"])\s*(?P<credit>[A-Z][A-Z.'’ -]{2,40}/(?:[A-Z][A-Z.&'’ -]{1,60}))$"),
    # "... in Lomé on May 11, 2025. © Edem Kouassivi, AFP": a copyright sign and the holder
    re.compile(r"^(?P<caption>.*?[.!?”\"])\s*©\s*(?P<credit>[A-Z][^©]{1,80}?)\s*$"),
    # "... nationwide. | JIJI", "... County. | File | Nation Media Group": a credit after a bar (Japan
    # Times, Nation); "File" marks an archive picture
    re.compile(r"^(?P<caption>.*?[.!?”\"])\s*\|\s*(?:File\s*\|\s*)?"
               r"(?P<credit>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|\|)){0,6})\s*$"),
    # "... in Delaware. Getty Images", "... AFP via Getty Images"
    re.compile(r"^(?P<caption>.*?[.!?”\"])\s*(?P<credit>(?:AFP |Anadolu |NurPhoto )?(?:via )?Getty Images|Shutterstock)\s*\.?$"),
)

# Link residue scraped after a credit or a link: "REUTERS/Jane Doe Purchase Licensing Rights, opens
# new tab", "Trust Principles., opens new tab". Stripped from a line's end before it is judged.
LINK_RESIDUE = re.compile(r"(?:\s*Purchase Licensing Rights)?(?:\s*,?\s*opens new tab)?\s*$", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Datelines and bylines: the only places an agency is read from.
# ---------------------------------------------------------------------------------------------
_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_PLACE = r"[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]*)*(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"

# "MOSCOW, April 26 (Reuters) -", "KYIV (Reuters) -", "NEW YORK (AP) —", "CHARLOTTE - Nearly ..."
DATELINE = re.compile(
    r"^(?P<place>" + _PLACE + r")"
    r"(?:,\s+(?P<date>" + _MONTHS + r"\s+\d{1,2}(?:,\s+\d{4})?))?"
    r"(?:\s+\((?P<agency>[A-Z][\w.&'’ -]{0,40}?)\))?"
    r"\s*(?:-{1,2}|–|—|:)\s+(?=\S)"
)
# "By Jane Doe, Associated Press", "By Jane Doe | Reuters", "By Jane Doe (AP)", "By Jane Doe and John Roe"
BYLINE = re.compile(
    r"^(?:By|BY|by|Written by|Reporting by)\s*:?\s+(?P<names>[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]*){0,8})"
    r"(?:\s*(?:,|\||-|–|—|\bfor\b|\bof\b)\s*(?P<org>[A-Z][\w.&'’ -]{1,50}?)|\s*\((?P<org2>[^()]{1,50})\))?\s*\.?$"
)
HEARD_ON = re.compile(r"^" + HEARD_ON_LINE + r"$", re.IGNORECASE)
# "Hannah Okafor, Health correspondent", "Jane Doe, Staff Writer": a name and a newsroom job title.
STAFF_BYLINE = re.compile(
    r"^(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*,\s*(?:[A-Z]?[\w-]+\s+){0,3}"
    r"(?:correspondent|reporter|editor|writer|columnist|journalist)s?"
    # "By consumer affairs reporter Jessica Tran": the beat before the name
    r"|By\s+(?:[\w-]+\s+){0,4}(?:correspondent|reporter|editor|writer)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})$",
    re.IGNORECASE,
)
# A broadcaster's desk under the reporter's name ("Rebecca Thornley" / "BBC News, Yorkshire").
DESK_LINE = re.compile(
    r"^(?:BBC|CNN|ABC|CBS|NBC|Sky|ITV|RTÉ|Al Jazeera|France 24|DW)(?: News| NEWS| Sport| World Service)?"
    r"(?:\s*,\s*[A-Z][\w'’ -]{1,40})?$"
)
# Captions labelled line by line ("Image source, PA Media" / "Image caption, Declan ... on Tuesday").
SOURCE_LABEL = re.compile(r"^(?:image|photo|video) source\s*[,:]\s*(?P<credit>\S.{0,80})$", re.IGNORECASE)
CAPTION_LABEL = re.compile(r"^(?:image|photo|video) caption\s*[,:]\s*(?P<caption>\S.*)$", re.IGNORECASE)
# A page title's site name: "Floorball chief denies ... – DW – 03/12/2025", "... | CNN",
# "... | Yonhap News Agency"; and a wire's version tag: "(LEAD) ...", "UPDATE 2-...".
_SITE = r"[A-Z][\w&.'’]*(?:\s+(?:[A-Z][\w&.'’]*|and|of|&)){0,4}"  # "The Globe and Mail", "DW"
_TITLE_DATE = r"(?:\s+[|–—-]\s+\d{1,2}/\d{1,2}/\d{4})?$"  # "... – DW – 03/12/2025"
SITE_SUFFIX = re.compile(r"\s+[|–—:-]\s+" + _SITE + _TITLE_DATE)
# The outlet's name closing a page title after a bar or dash (not a colon: "Ukraine war: Live" is a headline).
SITE_NAME = re.compile(r"\s+[|–—-]\s+(?P<site>" + _SITE + ")" + _TITLE_DATE)
VERSION_TAG = re.compile(r"^(?:\((?:LEAD|\d(?:st|nd|rd|th) LD|URGENT|UPDATE[^)]{0,20})\)\s*|UPDATE \d{1,2}-)")
# A credit alone on the line under its caption: "Courtesy Guyana Defence Force",
# "Ricardo Almeida/AFP/Getty Images/File".
CREDIT_ONLY = re.compile(r"^(?:Credit\.{3}\s*|(?P<label>Copyright)\s+)?(?P<credit>Courtesy(?: of)? [A-Z][\w.'’ &-]{2,60}|[A-Z][\w.'’ -]{1,40}"
                         r"(?:/[A-Z][\w.'’ -]{1,40}){1,4}|(?<=\.\.\.)\s*\S.{1,80})$")
# A photo viewer's toggles between a caption and its credit (NPR: "hide caption" / "toggle caption").
# A caption opened by its label in capitals ("NSC MEETING. Security officials meet ...") and the
# credit alone under it, a short name with no slash ("Malacañang Photo", "Philippine Coast Guard").
LABELLED_CAPTION = re.compile(r"^[A-Z][A-Z'’&-]+(?: [A-Z][A-Z'’&-]+){0,4}\. [A-Z].{20,}[.!?”\"]$")
CREDIT_NAME = re.compile(r"^[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|of|de|the)){0,4}$")
CAPTION_TOGGLE = re.compile(r"^(?:hide|show|toggle|expand|close) caption$", re.IGNORECASE)
# Sale and file markers a caption carries before its credit: "... Lake. (PHOTO NOT FOR SALE) (Yonhap)".
# Also a bare archive marker after the caption's last sentence: "... in Kalaburagi. File | Photo Credit: ...".
CAPTION_MARKER = re.compile(r"\s*\((?:PHOTO NOT FOR SALE|FILE PHOTO|FILE)\)\s*$|(?<=[.!?”\"])\s+(?:File|FILE)(?: (?:photo|PHOTO))?$")
# Agencies a byline may name (a byline's organisation is often the outlet itself, not an agency).
NEWS_AGENCIES = (
    "Associated Press", "AP", "Reuters", "Agence France-Presse", "AFP", "Bloomberg", "Bloomberg News",
    "dpa", "Deutsche Presse-Agentur", "EFE", "ANSA", "Xinhua", "TASS", "Interfax", "RIA Novosti",
    "Kyodo", "Kyodo News", "Yonhap", "Press Association", "PA", "PA Media", "UPI", "Anadolu", "AAP",
    "Canadian Press", "The Canadian Press", "Europa Press", "Ukrinform", "Sputnik", "PTI", "IANS", "ANI",
    "UNI", "Press Trust of India",
)
# An Indian wire's desk slug glued to a story's last line: "... on Tuesday. PTI SKR ANB KH".
WIRE_SLUG = re.compile(r"(?<=[.!?”\"])\s+(?:PTI|IANS|ANI|UNI)(?:\s+[A-Z]{2,4}){1,5}$")

# ---------------------------------------------------------------------------------------------
# Dates as written in captions, datelines and date lines.
# ---------------------------------------------------------------------------------------------
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
DATE_PATTERNS = (
    # "26 April 2025", "Saturday 26 April 2025"
    re.compile(_WEEKDAY + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTHS + r")\.?,?\s+(?P<year>\d{4})\b"),
    # "Friday, July 4, 2025", "July 4, 2025", "Sept. 11 2016"
    re.compile(_WEEKDAY + r"\b(?P<month>" + _MONTHS + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"),
    # "2025-04-26"
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
# "14/04/2025", "04.14.2025", "07-05-2025": read only when unambiguous (one part over 12), see
# clean.parse_date; the separator is the same twice.
NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b")
# A byline, the outlet and the posting date on one line: "Kyle Bergstrom · CBC News · Posted: May 27, 2025
# 4:15 PM CDT | Last Updated: May 28".
BYLINE_POSTED = re.compile(
    r"^(?P<names>[A-Z][^·|]{1,60}?)(?:\s*·\s*[^·|]{1,40}?)*\s*·\s*(?:posted|published)\s*:?\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}).{0,80}$",
    re.IGNORECASE,
)
# A media box in the story: "WATCH | Transit union says drivers are running on empty:" opens a block
# of the video's title, its length and its blurb (CBC).
MEDIA_BLOCK = re.compile(r"^(?:watch|listen|video)\s*\|\s*\S", re.IGNORECASE)
# A dateline on a line of its own above the first paragraph: "ISLAMABAD", "NEW DELHI" (Anadolu).
DATELINE_ALONE = re.compile(r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}")
# Names, a bar and a numeric date, maybe updated: "Irfan Ali Marwat, Selin Acar   |14.05.2025 - Update : 15.05.2025"
# (Anadolu Agency): the byline and the date on one line.
BYLINE_DATE = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,8})\s*\|\s*"
    r"(?P<date>\d{1,2}[./]\d{1,2}[./]\d{4})(?:\s*[-–]\s*(?:update[d]?)\s*:?\s*\d{1,2}[./]\d{1,2}[./]\d{4})?\s*$",
    re.IGNORECASE,
)
# A line that is only a date (with an optional "Published"/"Updated" and a time): header furniture.
DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|issued|modified|last modified)\s*(?:on)?\s*[:\-–—]?\s*)?"
    r"(?P<date>.{6,40}?\d{4})(?:,?\s*(?:at\s+|[-–—·•]\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s*(?:[A-Z]{2,4}(?:[+-]\d{1,2})?)?)?\.?"
    r"(?:\s*[,|·•(]?\s*(?:updated|modified|last updated|edited)\b.{0,60})?"
    r"(?:\s*[-–—]\s*[A-Z][A-Z .'’-]{1,40})?$",  # "... IST - MANGALURU": the place in capitals
    re.IGNORECASE,
)

# A time before the date: "6:52 PM EDT, Wed June 18, 2025" (CNN's "Updated" line).
TIME_DATE_LINE = re.compile(
    r"^(?:updated|published)?\s*:?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?,?\s*(?P<date>(?:[A-Z][a-z]{2},?\s*)?.{6,30}?\d{4})$",
    re.IGNORECASE,
)
# Closing punctuation that marks a line as a sentence rather than a heading.
SENTENCE_END = ".!?…:;,\"”’'»)"
# Short words a title-cased headline leaves in lower case.
TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to up via vs with after "
    "amid over than off out".split()
)
