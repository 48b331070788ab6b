"""The strength lexicon: which words make a sentence binding, soft or a denial. Data, not code.

Entries are written once, in plain words; they are folded like any phrase (so "endeavour" also covers
"endeavor"), ``*`` continues a word, and the phrase patterns of the rule language work here too
(``[word]`` optional, ``(a|b)`` alternatives). Order does not matter.
"""

from __future__ import annotations

# A sentence with one of these denies the obligation it mentions: it never satisfies an obligation.
NEGATIONS: tuple[str, ...] = (
    "no provision of this * shall oblige", "no provision of this * obliges", "no provision of this * requires",
    "no provision of this * shall require", "nothing in this * obliges", "nothing in this * requires",
    "nothing in this * shall oblige", "nothing in this * shall require",
    "nothing in this * shall be construed to require", "nothing in this * shall be construed to oblige",
    # "this Memorandum of Agreement", "this Protocol of Cooperation"
    "nothing in this * of * (obliges|requires)", "nothing in this * of * shall (oblige|require)",
    "nothing in this * of * shall be construed to (require|oblige)",
    "nothing in this * shall be construed as requiring", "nothing in this * shall be construed as obliging",
    "nothing in this * shall be construed as an obligation", "under no obligation",
    "shall not be obliged", "shall not be required", "is not obliged", "are not obliged",
    "is not required", "are not required", "does not oblige", "do not oblige", "does not require",
    "shall not be construed as imposing an obligation", "without any obligation", "no obligation to",
    "not be obliged", "neither party is obliged", "neither party shall be obliged", "neither party is required",
    "neither party shall be required", "no party is obliged", "no party shall be obliged",
    "no party is required", "no party shall be required", "neither party is under any obligation",
    "may not be (required|obliged|compelled)", "(no|neither) [contracting] party may be (required|obliged|compelled)",
    # An exception leaves a Party free to act ("Nothing in this Chapter shall be construed to prevent a Party
    # from reviewing investments..."); it does not oblige it to.
    "nothing in this * shall be construed to prevent", "nothing in this * shall prevent",
    "nothing in this * prevents", "nothing in this * shall be construed to preclude",
    "nothing in this * shall preclude", "nothing in this * precludes",
    # The same exception aimed at one paragraph ("Nothing in paragraph 1 shall prevent a Party from
    # examining a proposed investment"): still a freedom, not a duty.
    "nothing in paragraph * shall prevent", "nothing in paragraph * prevents",
    "nothing in paragraph * shall be construed to prevent", "nothing in paragraph * shall preclude",
    # "neither Party assumes any obligation ... including any obligation to exchange information"
    "(neither|no) party (assumes|accepts|undertakes|incurs) any obligation",
)

# Qualifiers that make the whole sentence hortatory, whatever its modal verb.
HEDGES: tuple[str, ...] = (
    "endeavour", "endeavours", "best effort*", "as appropriate", "where appropriate", "when appropriate",
    "if appropriate", "as they consider appropriate", "as it considers appropriate",
    "to the extent possible", "to the extent practicable", "to the extent feasible",
    "as far as possible", "where possible", "where practicable", "where feasible", "if possible",
    "(as|so|in so|insofar) far as practicable", "(so|in so) far as possible", "insofar as (possible|practicable)",
    "recognise the importance", "recognise the value", "recognise the need", "strive", "seek to",
    "aim to", "explore", "explore ways", "on a voluntary basis", "encourage", "promote", "may consider",
    "consider the possibility", "welcome", "hope",
    # "shall consider ways to facilitate market access" binds only to think about it.
    "consider ways", "consider how", "consider means",
    # Weakenings that leave the verb binding but the duty empty: a duty that applies only if both sides
    # agree or as resources allow, and a duty to weigh a request rather than grant it.
    # (a duty that waits for both sides' consent, "where both Parties so agree", is JOINT_CONSENT below)
    "where mutually agreed", "if mutually agreed", "when mutually agreed",
    "subject to mutual agreement", "subject to the agreement of both parties",
    "(if|where|when) they both so agree", "(if|where|when) each of them [so] considers [it] appropriate",
    "available resources", "as resources permit", "resources permitting",
    "favourable consideration", "sympathetic consideration", "consider coordinating", "consider taking",
    "consider adopting", "consider establishing",
    "consider (informing|notifying|consulting|sharing|exchanging|granting|providing|aligning|applying)",
    "make every effort", "make [(reasonable|all reasonable|all possible|its|their|due)] efforts", "do (its|their) utmost", "use (its|their) best endeavours",
    "(as|so|in so|insofar) far as feasible", "(as|where|if) (it|they) (deems|deem) fit", "consider favourably",
    "recognise the desirability", "examine the possibility",
    "(where|insofar as|in so far as|as far as) (its|their) [(domestic|national)] (law|laws|legislation) (permits|permit)",
    # "shall consider the elimination of export duties": a duty to weigh a step, not to take it
    "consider the (establishment|elimination|creation|introduction|removal|reduction|adoption|abolition|"
    "possibility|setting up|conclusion)",
    # "shall take into account the effects of ...": a duty to weigh something, not to act on it
    "take into account", "take account of", "have regard to",
)

# The entries below are regular expressions over folded text (lower case, single spaces), since their
# words combine too freely for a list of phrases.

# A duty the bound Party may escape by its own judgement binds nothing another Party can hold it to:
# "shall inform the other Party ..., unless it judges that doing so would be contrary to its interests".
# (The self-judging essential security exception is worded alike, but it expects an exception.)
OWN_JUDGEMENT: tuple[str, ...] = (
    r"unless (?:it|that party|the other party|the party concerned|the (?:notifying|requested|affected) party) "
    r"(?:judges|considers|determines|deems|decides|finds)",
    r"(?:where|if|when|to the extent(?: that)?|insofar as|in so far as|provided that|as long as) (?:it|each|"
    r"each party|that party|either party|the party concerned|the other party|the requested party|"
    r"(?:the|an?) (?:[\w-]+ )?(?:party|government|participant|side|authority|country|state)) "
    r"(?:considers|deems|judges|finds|determines) (?:[\w-]+ ){0,3}?(?:to be )?(?:appropriate|necessary|useful|"
    r"desirable|advisable|relevant|practicable|feasible|consistent|compatible|justified|warranted|beneficial|opportune|expedient|"
    # the escape put the other way round: "save where the Party considers it inappropriate to do so"
    r"inappropriate|unnecessary|undesirable|inadvisable|impracticable)",
    r"(?:where|if|when) (?:they|the parties|both parties) (?:consider|deem|judge|find) (?:[\w-]+ ){0,2}?"
    r"(?:appropriate|useful|desirable)",
    r"(?:where|if|when|and) it (?:considers|deems|judges|finds) (?:it|this|that|so doing) (?:opportune|expedient|appropriate)",
    r"(?:at|in) its (?:own |sole )?discretion", r"(?:as|if|where|when) it (?:sees|considers|deems|thinks|judges) fit",
    r"in its own (?:assessment|judge?ment|view|estimation)",
    r"if it so (?:chooses|wishes|decides)", r"should it so (?:choose|wish|decide)",
    # "where it judges that the requirements of its own industry so permit"
    r"(?:where|if|when|to the extent that|insofar as) (?:it|that party|the party concerned|an? (?:party|government|"
    r"participant|contracting party)) (?:considers|deems|judges|"
    r"finds|determines) that [^.;]{0,80}?\b(?:so )?(?:permits?|allows?|warrants?)\b",
    # "where the informing Party judges that doing so would not harm its own interests"
    r"(?:where|if|when|provided that) (?:it|that party|the party concerned|the (?:informing|notifying|requested|"
    r"requesting|affected|reviewing) party) (?:considers|deems|judges|finds|determines) that (?:doing so|it|this|"
    r"such [\w-]+) (?:would|will|does) not (?:harm|prejudice|affect|impair|damage|undermine)",
)

# A duty that applies only when both sides agree to it, or both judge it fitting, is a duty neither can be
# held to: "where both consider it appropriate", "Where the Parties to a dispute so agree", "where two
# Contracting Parties so agree". Plural verbs only: "where the other Party agrees" is one Party's consent,
# and "unless the Parties agree otherwise" leaves the duty in force.
JOINT_CONSENT: tuple[str, ...] = (
    r"\b(?:where|if|when|whenever|should|provided that|to the extent that|insofar as) (?:both|all|two|they|"
    r"both of them|each of them|(?:both |all |the |two |the two )(?:high )?(?:contracting )?(?:parties|sides|"
    r"governments|participants|states|member states|states parties)(?: to (?:a|the) dispute)?) (?:so )?(?:agree|"
    r"consent|consider (?:it |this |that )?(?:appropriate|useful|desirable|necessary|opportune|expedient)|"
    r"deem (?:it |this )?(?:appropriate|useful|desirable|necessary)|so decide)\b",
)

# "may" followed by one of these grants a Party the right to set something going ("may request
# consultations"). It is no commitment of its own, so it neither binds nor weakens: the duty it triggers
# ("..., which shall be held within ten days"; "and, if it does, the other Party shall ...") decides.
TRIGGER: str = r"may(?:,[^,]{1,60},)? (?:request|ask|refer|invoke|call for|initiate|seek|submit|bring|raise|notify)\b"

# A prohibition of a failure is a duty: "No Party shall fail to notify", "Neither Party may refuse to
# consult".
DOUBLE_NEGATIVES: tuple[str, ...] = (
    r"(?:no|neither) (?:party|participant|member) (?:shall|may|must) (?:fail|refuse|omit|neglect|decline) to",
    r"(?:shall|may|must) not (?:fail|refuse|omit|neglect|decline) to",
)

# Where one clause of a sentence ends and another, with its own subject and modal, begins: a denial or
# a hedge in one clause says nothing about the other ("is not obliged to disclose ... but shall
# consult"; "may request consultations, which shall be held within ten days").
CLAUSE_BREAKS: tuple[str, ...] = (
    r";", r",? but (?=(?:shall|must|will|agrees?|each|the|it|they|such|that|this|those)\b)", r", whereas\b",
    r", and,? (?=(?:if|where|when|in that case|in such a case)\b)", r", in which case\b",
    r", (?=(?:which|who) (?:shall|must|are to|is to)\b)",
    # "shall cooperate ... and shall take into account ...": a second duty with a modal of its own
    r",? and (?=(?:shall|must)\b)",
)

# Modal expressions that bind. The one governing a match decides (see strength.py).
BINDING_MODALS: tuple[str, ...] = (
    "shall", "must", "agree to", "agree that", "agrees to", "agrees that", "undertake", "undertakes",
    "is required to", "are required to", "is required:", "are required:", "hereby establish", "hereby establishes", "hereby create",
    "hereby creates", "hereby set up", "hereby agree", "is obliged to",
    "are obliged to", "is obligated to", "are obligated to", "commit to", "commits to",
    "is bound to", "are bound to", "(is|are) precluded from", "(is|are) (prohibited|barred|debarred|forbidden) from",
    "(is|are) not at liberty to", "(has|have) the (obligation|duty) (to|of)", "shall be the duty of", "pledge to",
    "pledges to", "commit themselves to", "commits itself to",
    "is incumbent upon", "is incumbent on", "is under a duty to", "are under a duty to", "is under an obligation to",
    "are under an obligation to", "accept the obligation to", "accepts the obligation to", "party has to",
    "parties have to", "government has to", "governments have to",
    # the mandatory passive of British drafting: "diversion is to be prevented through joint enforcement"
    "is to be", "are to be",
    # and its prohibition: "a licence the partner refused is not to be granted until it is consulted"
    "is not to be", "are not to be", "is not to", "are not to",
    # a permission denied, to one Party or to all: a prohibition ("Neither Party may levy a charge on ...")
    "may not", "(no|neither) [(contracting|high contracting)] (party|side|participant|government|member state) may",
    # and the civil-law "is to" of a bound subject: "Each High Contracting Party is to inform the other"
    # (not "the objective of this Chapter is to promote", which states a purpose)
    "party is to", "parties are to", "state is to", "states are to", "government is to",
    "governments are to", "authority is to", "authorities are to", "side is to", "sides are to",
    # a body's "is to": "The Standing Body is to meet not less than three times in each year"
    "(body|committee|council|board|commission|group|secretariat|panel|agency|minister) is to",
    "(bodies|committees|ministers|officials|members) are to",
)

SOFT_MODALS: tuple[str, ...] = (
    "should", "may", "might", "could", "would", "will", "intend", "intends", "wish", "wishes",
    "recognise", "recognises", "affirm", "affirms", "reaffirm", "reaffirms", "acknowledge",
    "acknowledges", "share the view", "plan to", "plans to",
    # Not a bare "expect": it would also catch "any disruption, or expected disruption, of supply chains".
    "expect to", "expects to", "expected to", "expect that", "expects that",
    "are determined to", "desiring", "resolved to",
)

# A soft modal right after one of these sits in a subordinate clause ("any transaction that may affect its
# security"): it qualifies the object, not the commitment, so it never governs a match.
SUBORDINATORS: tuple[str, ...] = (
    "that", "which", "who", "whom", "whose", "as", "it", "they", "there",
    # opinion verbs: "a transaction that the requesting Party considers may threaten its security"
    "considers", "consider", "considered", "believes", "believe", "determines", "deems", "finds", "judges",
    # an auxiliary makes "recognise" an ordinary verb: "an economy that a Party does not recognise as..."
    "not", "does", "do", "did",
)

# A soft verb a few words after one of these is part of a condition ("If a Party intends to commence
# negotiations..., it shall inform..."), not the commitment.
CONDITIONALS: tuple[str, ...] = ("if", "where", "when", "whenever", "unless", "in the event that", "in case")

# The document declares itself non-binding (searched in the whole text).
NON_BINDING: tuple[str, ...] = (
    "does not create legally binding", "do not create legally binding", "not legally binding",
    "is not intended to create legally binding", "are not intended to create legally binding",
    "not intended to be legally binding", "not intended to create legal", "does not create any legal",
    "does not give rise to legal", "do not give rise to legal", "will not give rise to legal",
    "does not give rise to legally binding", "do not give rise to legally binding", "shall not give rise to legally binding",
    "does not constitute a treaty", "is not a treaty", "not constitute an international agreement",
    "does not constitute an international agreement", "non-binding instrument", "non-binding arrangement",
    "non-binding memorandum", "not binding under international law", "politically binding",
    "not create legal rights", "not create rights or obligations", "not create any rights or obligations under",
    "create no rights or obligations", "create no legal", "does not form part of this agreement",
    "do not form part of this agreement", "shall not form part of this agreement",
    # A summit statement speaks for leaders, not Parties: "We, the Leaders of the Group of Seven, ...". Not
    # "Leaders' Declaration": treaties cite APEC ones (ToTA pta_436).
    "we, the leaders",
)

# Words naming the signatories of a non-binding instrument; a text that uses them far more than
# "Party/Parties" is a memorandum, whatever it says about itself.
PARTICIPANT_WORDS: tuple[str, ...] = ("participant",)
PARTY_WORDS: tuple[str, ...] = ("party", "parties")

# Consultations declared the only way to resolve matters exclude dispute settlement without naming it.
SOLE_MEANS: tuple[str, ...] = (
    "sole means", "only means", "exclusive means", "sole method", "only method", "sole mechanism",
    "only mechanism", "exclusive mechanism", "sole procedure", "only procedure", "only way",
    # "Any difference concerning this Section shall be settled exclusively by consultations"
    "exclusively by", "exclusively through", "solely by", "solely through", "only by consultation*",
    "only through consultation*",
)

# Carve-outs from dispute settlement: a sentence that has both a trigger and an exclusion.
CARVE_OUT_TRIGGERS: tuple[str, ...] = ("dispute settlement", "dispute resolution", "settlement of disputes")
CARVE_OUT_EXCLUSIONS: tuple[str, ...] = (
    "no party shall have recourse", "neither party shall have recourse", "neither party may have recourse",
    "no party may invoke", "neither party may invoke", "shall not be subject to any", "shall not have recourse", "may not have recourse",
    "shall not be subject to", "is not subject to", "are not subject to", "shall not apply to",
    "does not apply to", "do not apply to", "shall not be applicable to", "shall not be used",
    "no party may have recourse", "not be subject to",
    "shall not apply with respect to", "does not apply with respect to", "shall not apply in respect of",
    "does not apply in respect of", "not available in respect of", "not available with respect to",
    "shall not be submitted to", "may not be submitted to", "shall not be referred to arbitration",
)

# A part of the instrument declared optional ("The guidelines in Annex 3 are voluntary"): non-binding, but only
# when the sentence names that part or the instrument.
VOLUNTARY: tuple[str, ...] = (
    "are voluntary", "is voluntary", "shall be voluntary", "are of a voluntary", "is of a voluntary",
    "are not binding", "is not binding", "shall not be binding", "are non-binding", "is non-binding",
)

# A forbidden act named in a sentence that prohibits it ("No Party shall suspend...") is compliance, not
# a violation: a `forbid` match preceded by one of these in its sentence does not count.
PROHIBITIONS: tuple[str, ...] = (
    "shall not", "may not", "must not", "will not", "no party shall", "neither party shall",
    "(no|neither) [(contracting|high contracting|state)] (party|side|participant|government|member state) (may|shall)", "neither government shall", "no government shall", "neither side shall",
    "neither contracting party shall", "no contracting party shall", "neither high contracting party shall",
    "neither participant shall", "no member state shall", "in no case", "in no event", "under no circumstances", "nothing in", "not be",
    "without prejudice to", "cannot", "(is|are) precluded from", "(is|are) (prohibited|barred|debarred|forbidden) from",
    "refrain from", "not at liberty to",
    # "No disagreement ... shall be invoked to suspend ...": the negation opens the sentence
    "no dispute", "no disagreement", "no difference", "neither (a|any) (dispute|disagreement|difference)",
    # "No measure taken ... by way of suspension ... is to apply to Part 2": the act named to bar it
    "no (measure|suspension|retaliation|countermeasure|action|step)",
)
