package benchcorpus

import "strings"

// The vocabulary the generated texts are made of: a few hundred words of
// treaty English, by part of speech, so that a sentence frame can ask for
// "an adjective" and an edit can swap a noun for another noun.

// Word categories. catFixed words belong to a frame ("shall", "the",
// "Each State Party") and are never edited.
const (
	catFixed byte = iota
	catNoun
	catAdj
	catVerb
	catPart // past participle
	catGerund
	catAdv
)

var nouns = fields(`
	authority request offence measure assistance evidence provision procedure
	jurisdiction investigation prosecution proceeding order system device
	information communication network service provider subscriber person
	victim witness material property instrumentality confiscation seizure
	preservation disclosure production interception collection access
	interference misuse fraud forgery theft laundering liability participation
	attempt sanction penalty safeguard condition principle obligation right
	freedom privacy protection cooperation extradition transfer treaty
	arrangement agreement consultation notification law legislation regulation
	court tribunal judge officer agency institution body mechanism conference
	secretariat depositary amendment protocol reservation ratification
	accession signature dispute negotiation capacity training expertise
	resource fund programme strategy policy prevention awareness research
	exchange analysis record report review implementation compliance purpose
	scope effect basis manner means period limitation threshold ground refusal
	execution urgency confidentiality security sovereignty integrity territory
	nationality residence location identity account transaction payment asset
	benefit damage harm risk threat incident vulnerability technology software
	computer storage medium content traffic channel contact remedy decision
	judgement warrant application copy translation language expense
`)

var adjectives = fields(`
	competent domestic electronic appropriate necessary relevant effective
	international national central judicial administrative criminal civil
	legislative reasonable timely expedited stored specified requested
	requesting public private lawful unlawful intentional serious
	transnational technical financial substantive procedural applicable
	additional equivalent adequate proportionate independent impartial
	confidential personal sensitive reliable accessible sufficient particular
	general specific mutual regional bilateral multilateral preliminary
	provisional final written formal informal voluntary mandatory prior
	subsequent existing fundamental essential legitimate victim-centred
	gender-sensitive child-friendly cross-border real-time
`)

var verbs = fields(`
	adopt establish ensure provide take maintain facilitate promote
	strengthen support consider request grant refuse execute preserve
	disclose produce collect intercept seize confiscate freeze return
	transmit notify inform consult cooperate assist prevent protect
	investigate prosecute adjudicate sanction apply implement review
	designate identify determine specify limit extend suspend postpone
	exchange share verify authorize permit require enable undertake
`)

var participles = fields(`
	adopted established ensured provided taken maintained facilitated
	promoted strengthened requested granted refused executed preserved
	disclosed produced collected intercepted seized confiscated frozen
	returned transmitted notified informed consulted investigated prosecuted
	applied implemented reviewed designated identified determined specified
	limited extended suspended postponed exchanged shared verified authorized
	permitted required committed obtained
`)

var gerunds = fields(`
	adopting establishing ensuring providing taking maintaining facilitating
	promoting strengthening supporting requesting granting refusing executing
	preserving disclosing producing collecting transmitting notifying
	preventing protecting investigating prosecuting applying implementing
	reviewing designating identifying restricting limiting exchanging sharing
`)

var adverbs = fields(`
	promptly expeditiously effectively appropriately fully duly reasonably
	lawfully intentionally adequately independently jointly separately
	directly indirectly immediately progressively consistently
`)

// prepositions are fixed phrases that open a prepositional phrase.
var prepositions = [][]string{
	{"in", "accordance", "with"}, {"with", "respect", "to"}, {"for", "the", "purpose", "of"},
	{"in", "relation", "to"}, {"subject", "to"}, {"consistent", "with"}, {"under"},
	{"within"}, {"by", "means", "of"}, {"on", "the", "basis", "of"}, {"in", "the", "course", "of"},
	{"for"}, {"against"}, {"through"}, {"in", "respect", "of"}, {"pursuant", "to"},
	{"in", "conformity", "with"}, {"without", "prejudice", "to"},
}

// parties are the subjects treaty sentences have.
var parties = [][]string{
	{"each", "State", "Party"}, {"the", "requesting", "State", "Party"},
	{"the", "requested", "State", "Party"}, {"States", "Parties"},
	{"the", "competent", "authorities", "of", "each", "State", "Party"},
	{"the", "central", "authority"}, {"the", "Conference", "of", "the", "States", "Parties"},
}

// Sentence frames. {np} is a noun phrase, {pp} a prepositional phrase,
// {party} a State Party, {cite} a citation of another provision, {n} {a}
// {v} {p} {g} {adv} single words of each category. Punctuation after a
// placeholder sticks to its last word.
var (
	sentenceFrames = compileAll(
		"Each State Party shall adopt such legislative and other measures as may be necessary to {v} {np} {pp}.",
		"{party} shall {v} {np}, {adv}, {pp}, as provided for in {cite}.",
		"{np} referred to in {cite} shall be {p} {pp}.",
		"Without prejudice to {cite}, {party} may {v} {np} {pp}.",
		"{party} shall {adv} {v} {np} where {np} is {p} {pp}.",
		"Nothing in this article shall be construed as {g} {np} {pp}.",
		"For the purposes of {cite}, {np} shall include {np} and {np}.",
		"{party} may, {pp}, {v} {np} that is {p} {pp}.",
		"Such {n} shall be subject to {np} {pp}, including {np}.",
		"The {a} {n} shall {v} {np} {adv} and shall {v} {np} {pp}.",
		"{party} shall, subject to {cite}, {v} {np} {pp}.",
		"{party} shall consider {g} {np} {pp}.",
		"{np} shall not {v} {np} {pp} unless {np} has been {p} {pp}.",
		"Any {n} {p} under {cite} shall be {p} {pp}.",
		"{party} shall endeavour to {v} {np} and to {v} {np} {pp}.",
		"The provisions of {cite} shall apply, mutatis mutandis, to {np}.",
	)
	leadInFrames = compileAll(
		"Each State Party shall adopt such legislative and other measures as may be necessary to {v} {np}, in particular:",
		"{party} may refuse {np}:",
		"For the purposes of {cite}, {np} shall include:",
		"The {a} {n} shall be {p} {pp}, including:",
		"{party} shall ensure that {np} {pp} provides for:",
	)
	subFrames = compileAll(
		"{np} {pp}",
		"{g} {np} {pp} and {np}",
		"If {np} is {p} {pp}",
		"Measures to {v} {np} {pp} under {cite}",
		"The {n} of {np}, as provided for in {cite}",
		"{np} that is {p} {adv} {pp}",
	)
	titleFrames = compileAll(
		"{n} of {a} {n}",
		"{a} {n}",
		"{n} and {n}",
		"{a} {n} and {n}",
		"{n} of {n} {pp}",
	)
	summaryFrames = compileAll(
		"The proposal sought to {v} {np} {pp}.",
		"In its view, {np} should be {p} {pp} and {np} {pp}.",
		"It argued that {np} would {v} {np} {pp}.",
		"Several delegations said that {np} was {p} {pp}.",
		"The Chair invited delegations to {v} {np} before {g} {np}.",
		"Others recalled that {cite} already provides for {np}.",
	)
)

// A frame is a sentence pattern, compiled once.
type frame []part

type part struct {
	word string // a fixed word, or a placeholder name without braces
	hole bool
	suf  string // punctuation after it
}

func compileAll(patterns ...string) []frame {
	out := make([]frame, len(patterns))
	for i, p := range patterns {
		out[i] = compile(p)
	}
	return out
}

func compile(pattern string) frame {
	var f frame
	for _, w := range strings.Fields(pattern) {
		core := strings.TrimRight(w, ",.;:")
		p := part{word: core, suf: w[len(core):]}
		if strings.HasPrefix(core, "{") && strings.HasSuffix(core, "}") {
			p.word, p.hole = core[1:len(core)-1], true
		}
		f = append(f, p)
	}
	return f
}

func fields(s string) []string { return strings.Fields(s) }
