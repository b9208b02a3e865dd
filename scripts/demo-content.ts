/** What the fictional Northwind Outfitters posts: text pools and schedules for the demo generator. */
import { Random } from './formats/random.js';

export const AS_OF = '2026-11-01T00:00:00Z';
const DAY = 86_400_000;

/** Post times between `fromDaysAgo` and `toDaysAgo` before the as-of date, about `perWeek` a week, newest first. */
export function schedule(rand: Random, fromDaysAgo: number, toDaysAgo: number, perWeek: number): string[] {
  const end = Date.parse(AS_OF) - toDaysAgo * DAY;
  const start = Date.parse(AS_OF) - fromDaysAgo * DAY;
  const out: string[] = [];
  let t = end - rand.next() * DAY * Math.min(1, 7 / perWeek);
  while (t > start) {
    out.push(new Date(Math.floor(t / 1000) * 1000).toISOString());
    t -= (7 / perWeek) * DAY * (0.4 + rand.next() * 1.2);
  }
  return out;
}

export const ORIGINALS = [
  'Trail report: the ridge path above Lake Aldon is clear of snow again. Bring layers, the wind is sharp up there.',
  'We repaired 412 jackets in our workshop this month instead of replacing them. Repair beats recycling.',
  'How do you pack a 30-litre bag for three days? Our guide walks through it item by item.',
  'Our Seattle store hosts a free map-reading evening on Thursday. Coffee is on us.',
  'Behind the scenes: testing the new rain shell in a wind tunnel. It held up better than our intern.',
  'Question for the hikers here: what is the one piece of kit you never leave behind?',
  'The recycled-wool beanie is back after a long wait. Thanks for your patience with the supply delays.',
  "Sunrise over the Cascades from our photographer Mira, taken on last week's team hike.",
  'We published our yearly sustainability report: emissions down 11%, still a long way to go.',
  'Reminder that every Northwind boot can be resoled. Bring them to any store.',
];

export const PROMOS = [
  'FLASH SALE: 30% off all rain jackets this weekend only! Shop now: https://shop.northwind.example/sale',
  'Giveaway time! Follow us and RT to win a full camping kit. Winner announced Friday.',
  'Use code TRAIL20 for 20% off your next order. Limited time! https://shop.northwind.example/products/trail',
  'New arrivals are in. Link in bio to see the whole autumn collection.',
  'Our autumn contest is open: share your best trail photo and win a tent. Follow us for the rules.',
  'Buy now and get free shipping on orders over $50: https://shop.northwind.example/checkout',
  'Last chance: 25% off boots ends tonight. Shop now!',
];

/**
 * Frames and slots for replies written by a person: each frame in eight wordings, as a person rephrases
 * an answer they have given before, so two answers to the same question rarely share their wording (a
 * wording filled in three times is a script with slots — a template, by the definition the canned-reply
 * check is measured against: with three wordings a frame, the average linkage found such scripts in a
 * quarter to a third of the "personal" accounts' replies).
 */
const FRAMES: ReadonlyArray<ReadonlyArray<(a: Slots) => string>> = [
  [
    (a) =>
      `The ${a.product} runs ${a.fit}; if you are between sizes, we would pick the ${a.direction} one for ${a.activity}.`,
    (a) =>
      `Ours run ${a.fit}, so for ${a.activity} size ${a.direction === 'larger' ? 'up' : 'down'} on the ${a.product}.`,
    (a) => `From what the shop floor tells us, go ${a.direction} with that ${a.product}: it is ${a.fit}.`,
    (a) => `I wear the ${a.product} myself for ${a.activity}. Mine is ${a.fit}, so I went ${a.direction}.`,
    (a) => `Honest answer: ${a.fit}. Most folks in the ${a.city} store end up going ${a.direction}.`,
    (a) => `${cap(a.fit)} is how our testers describe it. Going ${a.direction} is safest for ${a.activity}.`,
    (a) => `Sizing on that one is ${a.fit}. If in doubt, order both and send one back, free.`,
    (a) => `Try it on with the socks you ${a.activity} in; ours come out ${a.fit}, so ${a.direction} is our tip.`,
  ],
  [
    (a) =>
      `Sorry about the ${a.problem} on your ${a.product}. Bring it to our ${a.city} store and the workshop will sort it out, usually within ${a.days} days.`,
    (a) =>
      `That ${a.problem} should not happen. Drop the ${a.product} off in ${a.city}; repairs take ${a.days} days at most.`,
    (a) => `Ugh, a ${a.problem}! Our ${a.city} workshop fixes those for free, ${a.days} days or less.`,
    (a) => `Oh no. A ${a.problem} is covered for life, send us a photo and the ${a.city} team will look.`,
    (a) => `We can fix that ${a.problem}. Mail the ${a.product} to ${a.city} or drop it in any store.`,
    (a) => `Not good! ${a.days} days in the ${a.city} workshop and your ${a.product} is as new, no charge.`,
    (a) =>
      `Happens to the best gear after a few seasons. Our menders in ${a.city} replace a ${a.problem} while you wait, most days.`,
    (a) => `Let's get that ${a.problem} sorted: any of our stores takes it in, ${a.city} is quickest.`,
  ],
  [
    (a) => `${a.place} is lovely in ${a.month}! Watch for ${a.hazard} near the ${a.landmark}, and start early.`,
    (a) => `We hiked ${a.place} last ${a.month} too. Mind ${a.hazard} past the ${a.landmark}.`,
    (a) => `Great pick. In ${a.month} the ${a.landmark} at ${a.place} gets ${a.hazard}, so poles help.`,
    (a) => `${a.month} on ${a.place} was my first big hike! The ${a.landmark} is worth the detour.`,
    (a) => `Go for it. Rangers reported ${a.hazard} by the ${a.landmark} this ${a.month}, so check before you leave.`,
    (a) => `The ${a.landmark} is the highlight. Pack for ${a.hazard} and you will love ${a.place}.`,
    (a) => `Jealous! Our team walks ${a.place} every ${a.month}; snacks at the ${a.landmark} are tradition.`,
    (a) => `Start before eight and you will have the ${a.landmark} to yourself. ${cap(a.hazard)} is the only catch.`,
  ],
  [
    (a) =>
      `Thanks for sharing your ${a.activity} photo from ${a.place}, that ${a.landmark} looks unreal. Can we feature it on ${a.weekday}?`,
    (a) => `What a shot of the ${a.landmark}! Mind if we repost it ${a.weekday}?`,
    (a) => `${a.place} never disappoints. Would you let us put this on our ${a.weekday} story?`,
    (a) => `This made our whole office smile. ${a.place} at its best.`,
    (a) => `Stunning light on the ${a.landmark}. Who took it?`,
    (a) => `Framing this one for the ${a.city} store wall, if you are happy with that!`,
    (a) => `The ${a.activity} crew here is arguing about which trail that is. ${a.place}?`,
    (a) => `Wow. Saving this for our ${a.month} newsletter, with your name on it of course.`,
  ],
  [
    (a) =>
      `Good question: the ${a.product} is ${a.material}. For ${a.activity} in ${a.month} we would add a ${a.extra}.`,
    (a) => `It is ${a.material} all through. ${a.month} ${a.activity}? Bring a ${a.extra} as well.`,
    (a) => `${a.material}, and yes it works for ${a.activity}; a ${a.extra} makes it better.`,
    (a) => `Made of ${a.material}. I took mine ${a.activity} last ${a.month} and only wished for a ${a.extra}.`,
    (a) => `${cap(a.material)} outside, and it breathes well. Add a ${a.extra} when it gets cold.`,
    (a) => `Short version: ${a.material}. Long version is on the product page, with care tips.`,
    (a) => `Yes! ${a.material}, tested by our ${a.activity} team for a whole season.`,
    (a) => `It's ${a.material}. People in ${a.city} pair it with a ${a.extra} for ${a.month} trips.`,
  ],
  [
    (a) =>
      `Your ${a.product} left our ${a.city} warehouse ${a.weekday} morning; ${a.carrier} says it arrives in ${a.days} days.`,
    (a) => `Tracking shows ${a.carrier} picked it up in ${a.city} on ${a.weekday}. Expect it in ${a.days} days.`,
    (a) => `It shipped ${a.weekday}! ${a.days} days with ${a.carrier}, give or take.`,
    (a) => `Just checked: ${a.carrier} has it, arriving around ${a.weekday} if the weather plays along.`,
    (a) => `On its way from ${a.city}. I would give it ${a.days} days, and ping us if it is later.`,
    (a) => `Good news, it left ${a.city} this morning. ${a.carrier} usually takes ${a.days} days from there.`,
    (a) => `The parcel is with ${a.carrier} now; the label was printed ${a.weekday}.`,
    (a) => `Packed it myself! Should reach you within ${a.days} days.`,
  ],
  [
    (a) =>
      `We checked with the ${a.team} team: the ${a.product} in ${a.colour} comes back in ${a.month}. We will post here when it does.`,
    (a) => `${a.colour} is sold out for now; ${a.team} expects more in ${a.month}.`,
    (a) => `Asked ${a.team} for you. ${a.month} is the plan for the ${a.colour} restock.`,
    (a) => `Not yet, sorry. The ${a.team} folks hope for ${a.month}; we will shout when it lands.`,
    (a) => `${cap(a.colour)} was popular this year! More arrives in ${a.month}, if the mill delivers.`,
    (a) => `I asked around: ${a.month}, maybe sooner in the ${a.city} store.`,
    (a) => `We miss it too. The next ${a.colour} batch is due in ${a.month}.`,
    (a) => `Good timing, ${a.team} just confirmed a ${a.month} restock of the ${a.product}.`,
  ],
];
const OPENERS = [
  '',
  '',
  'Hi! ',
  'Hey, ',
  'Oh nice. ',
  'Great question. ',
  'Thanks for asking. ',
  'Hello again! ',
  'Ha, ',
  'Good one. ',
];
const CLOSERS = [
  '',
  '',
  ' Have fun out there.',
  ' Let us know how it goes!',
  ' Enjoy!',
  ' Any other questions, just ask.',
  ' See you on the trail.',
  ' Cheers.',
];
/** A slot's value with a capital first letter, to start a sentence with. */
const cap = (text = '') => text.charAt(0).toUpperCase() + text.slice(1);
/** The wording of a person's reply: its own generator, so the slots and frames (and every other profile's content) stay as they were. */
const voice = new Random(4242);
interface Slots {
  [k: string]: string;
}
const SLOTS: Record<string, string[]> = {
  product: [
    'rain shell',
    'Ridge boot',
    'wool beanie',
    '30L pack',
    'down vest',
    'trail runner',
    'fleece',
    'tent',
    'sleeping bag',
    'softshell',
  ],
  fit: ['small', 'true to size', 'a little long', 'roomy in the shoulders', 'narrow at the heel'],
  direction: ['larger', 'smaller'],
  activity: ['hiking', 'trail running', 'winter camping', 'cycling', 'climbing', 'paddling'],
  problem: ['broken zip', 'loose seam', 'worn sole', 'torn strap', 'stuck buckle', 'leaking seam tape'],
  city: ['Portland', 'Seattle', 'Boise', 'Tacoma', 'Spokane', 'Eugene'],
  days: ['two', 'three', 'four', 'five', 'ten'],
  place: ['Lake Aldon', 'the Enchantments', 'Mount Pilchuck', 'the Gorge trail', 'Cape Disappointment', 'Snow Lake'],
  month: ['October', 'November', 'March', 'April', 'June', 'September'],
  hazard: ['the washed-out bridge', 'loose scree', 'deep snow', 'muddy switchbacks', 'high water'],
  landmark: ['second lake', 'old fire lookout', 'ridge saddle', 'waterfall', 'trailhead car park'],
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  material: ['recycled nylon', 'merino wool', 'waxed cotton', 'seam-taped polyester', 'recycled down'],
  extra: ['pack cover', 'thin liner', 'warmer mid-layer', 'pair of gaiters', 'neck gaiter'],
  carrier: ['the courier', 'USPS', 'UPS', 'FedEx'],
  team: ['product', 'warehouse', 'design', 'buying'],
  colour: ['moss green', 'slate', 'rust', 'navy', 'sand'],
};

/** A reply a person would write: a frame filled with random slots. */
export function personalReply(pick: <T>(items: readonly T[]) => T): string {
  const slots: Slots = {};
  for (const [k, v] of Object.entries(SLOTS)) slots[k] = pick(v);
  const wordings = pick(FRAMES);
  return `${voice.pick(OPENERS)}${voice.pick(wordings)(slots)}${voice.pick(CLOSERS)}`;
}

export const CANNED = [
  "Hi there, we're sorry to hear about this! Please send us a DM with your order number and we'll look into it right away.",
  "Thanks for reaching out! We're sorry for the trouble. Could you DM us your order number so we can take a closer look?",
  'We apologise for the inconvenience. Our team is looking into this and will get back to you as soon as possible.',
  'Thanks for your patience! Please follow the link to track your order: https://help.northwind.example/track',
];

export const AGENTS = ['^AB', '^JS', '-MK', '~Jen', '^RT'];
export const CUSTOMERS = [
  'trailrunner_ann',
  'peakbagger',
  'mossy_boots',
  'lena_hikes',
  'kayak_kev',
  'camp_chef',
  'urbanrambler',
  'sam_outdoors',
  'birdwatch_bo',
  'cold_toes',
];

/** What people write under the brand's posts (listening): questions and comments, in three languages. */
export const AUDIENCE = {
  en: {
    questions: [
      'Is the rain shell coming back in XL?',
      'Do you ship to Canada?',
      'How long does a jacket repair take at the Seattle workshop?',
      'When does the map-reading evening start?',
      'Any update on the recycled-wool beanie restock',
      'Can I return boots I bought at the outlet online?',
    ],
    comments: [
      'Love this!',
      'Great photo, that ridge is my favourite walk.',
      'Saw your team on the trail last week, lovely people.',
      'My jacket from 2015 is still going strong.',
    ],
  },
  de: {
    questions: [
      'Gibt es die Regenjacke auch in Grün?',
      'Wie lange dauert der Versand nach Berlin',
      'Wann kommt die Winterkollektion in die Läden?',
    ],
    comments: ['Tolles Foto!', 'Super Aktion, weiter so.'],
  },
  fr: {
    questions: [
      'Est-ce que vous livrez en Belgique ?',
      'Quand ouvre le magasin de Lyon ?',
      'Pourquoi la veste bleue n’est plus disponible',
    ],
    comments: ['Magnifique photo !', 'Merci pour le partage.'],
  },
} as const;
export type AudienceLanguage = keyof typeof AUDIENCE;
