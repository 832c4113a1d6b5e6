import { expectClean, expectDecisions as expectFlagged, expectHeld } from '../../test-support/frame-expectations';

/**
 * English frames of data/frames-en.json: word classes and English word order (who does what to whom)
 * rather than sentences. Every example was written for this spec (none is taken from a labelled set);
 * each family has innocent look-alikes that share its words (parties, museums, fire drills, blood
 * tests, parking, sport, weather, help offered to a group, a parent's report) and must stay clean.
 */

describe('insults from ordinary nouns and adjectives', () => {
  it('holds "you are (such / kind of) a NOUN", "what a NOUN", "you ADJ NOUN" and remarks about staff', () => {
    expectHeld(
      [
        'Honestly ur kind of a hypocrite.',
        'You are such a coward, always hiding behind your friends.',
        'what a weirdo lol',
        'sit down, you useless numpty',
        'Our history teacher is a grumpy old fossil.',
        'Coach was being a total tyrant again.',
        'This project is a joke, and so are you.',
        'What a sorry excuse for a captain.',
        'you are a waste of oxygen',
        'Oh well done, Einstein, you locked us out again.',
      ],
      'insult',
    );
  });
  it('leaves clowns at parties, dinosaur fans, storms and excuses alone', () => {
    expectClean([
      'Did you see the clown at the birthday party? The kids loved him.',
      'Is your son a dinosaur fan? The museum opens a new exhibition on Friday.',
      'What a mess the storm made of the school garden.',
      'That old cupboard is a waste of space, can we move it out?',
      'Being ill is no excuse for a missing lab report, please send it this week.',
      'You are such a star, thank you for helping with the bake sale!',
    ]);
  });
});

describe('veiled and explicit threats without swear words', () => {
  it('blocks threats of not getting home, being next, hospital, damage, blood and harm to family', () => {
    expectFlagged(
      [
        ["Keep running your mouth and you won't get out of the park in one piece.", 'block'],
        ["They sorted out Reinis on Friday. You're next.", 'block'],
        ["Snitch again and I'll send you to the hospital.", 'block'],
        ['Fail my kid and your car windows will be smashed.', 'block'],
        ['If the principal expels him there will be blood.', 'block'],
        ['Your children will get hurt if you report this.', 'block'],
        ["I'm gonna knock the stuffing out of you.", 'block'],
        ["Keep talking and I'll make your life hell.", 'block'],
      ],
      'threat',
    );
  });
  it('blocks or reviews veiled warnings: hard way, no protection, bricks, relatives, school tomorrow', () => {
    expectFlagged(
      [
        ["Go on, ignore me. You'll learn the hard way.", 'review'],
        ["Your mum can't protect you forever.", 'block'],
        ['Shiny windscreen. A brick could go through it any night.', 'review'],
        ['My cousins will deal with you, just wait.', 'review'],
        ["Don't come to school on Friday. I'm serious.", 'block'],
        ["You have no idea who you're messing with.", 'review'],
      ],
      'threat',
    );
  });
  it('leaves posture, drills, blood tests, parking, the hard way of a lesson and holidays alone', () => {
    expectClean([
      'There will be a fire drill on Tuesday after the second lesson.',
      'There will be blood tests for the volleyball team next week.',
      'Your car might get scratched if you park under the old oak.',
      'I learned the hard way to save my essay every ten minutes.',
      "Don't come to school tomorrow if you still have a fever.",
      'My husband will deal with the trip payment on Monday.',
      "We beat the Jelgava team last week and you're next in the league.",
      'You better run faster if you want to catch the school bus.',
      "You won't believe how alive the forest feels in May.",
    ]);
  });
});

describe('urging self-harm in soft words', () => {
  it('blocks "everyone would be happier if you were gone", "do us a favour and…", "better off dead"', () => {
    expectFlagged(
      [
        ['The whole class would be happier if you were gone.', 'block'],
        ["Your family would be better off if you weren't around.", 'block'],
        ['Do the world a favour and drown.', 'block'],
        ["Honestly you'd be better off dead.", 'block'],
        ['Nobody would care if you disappeared.', 'block'],
        ['Go ahead, swallow the whole packet.', 'block'],
        ['You hate your life? Well, the bridge is right there.', 'block'],
      ],
      'self-harm',
    );
  });
  it('leaves being late, being sick, calls and bottles of water alone', () => {
    expectClean([
      "Everyone would be happier if you weren't late every morning.",
      "We'd all feel better if you weren't sick anymore, get well soon!",
      'Do me a favour and jump on the call at five.',
      'Take the whole bottle of water on the hike, it will be hot.',
      'Stop living in the past and revise for the test.',
    ]);
  });
});

describe('dehumanising generalisations and calls against groups', () => {
  it('blocks stereotypes and calls for violence against a group', () => {
    expectFlagged(
      [
        ['Immigrants are all the same.', 'block'],
        ['Never trust Russians.', 'block'],
        ["Refugees don't even want to integrate.", 'block'],
        ['Migrants are taking our flats.', 'block'],
        ['Gas all the gypsies.', 'block'],
        ['Autistic kids should have their own separate schools.', 'block'],
        ['Disabled children just slow everyone down.', 'block'],
        ["Honestly those people don't respect anything like we do.", 'block'],
      ],
      'hate',
    );
  });
  it('leaves equal rights, help for newcomers and inclusive classes alone', () => {
    expectClean([
      'Refugees all have the same rights as everyone else.',
      "Immigrants don't always understand the forms, let's help them.",
      'Disabled kids should have their own assistant in class.',
      "Disabled kids shouldn't be excluded from regular classes.",
      'Muslims are all welcome at the school iftar on Friday.',
    ]);
  });
});

describe('harassment about poverty, family, body and disability', () => {
  it('holds taunts about bins, old clothes, absent parents, nicknames and smell', () => {
    expectHeld(
      [
        'did your brother dig that hoodie out of a skip?',
        'same trainers again 😂',
        'eating alone again? lmao',
        'your mum walked out because of you',
        "even your own dad doesn't want you",
        'oi four eyes',
        'move, fatso',
        'gross, you stink',
        'We started a page about how ugly she is 😂',
        "I'll share your video and the whole class will laugh",
        'Funny how nobody wants to sit with Marta. Wonder why.',
        'He belongs in a special school.',
        'lol you cant even afford lunch',
      ],
      'harassment',
    );
  });
  it('leaves recycling, traffic, monsters with four eyes, gas smells and trip planning alone', () => {
    expectClean([
      'Please put the cans in the recycling bin, did you find the right one?',
      'Her mum left early because of the traffic.',
      'Draw a monster with four eyes and six legs.',
      'Can you smell the gas? Call the caretaker.',
      'We made a group chat about how to plan the class trip.',
      "Here's the museum's address, everyone meet there at nine.",
      'Nobody wants to sit with me at lunch, I feel lonely.',
      'The wifi is too poor to stream the lesson.',
    ]);
  });
});

describe('sexual remarks and grooming phrased indirectly', () => {
  it('blocks a body remark about a child, secrecy with a meeting, and a gift for a photo in bed', () => {
    expectFlagged(
      [
        ['Great figure for a fourteen year old.', 'block'],
        ["Come by after training, it's our little secret.", 'block'],
        ["You're so mature for 13. Delete our chats, okay?", 'block'],
        ['Send me a selfie in your pyjamas and I will get you Robux.', 'block'],
        ['Send me a pic in your bikini.', 'block'],
      ],
      'sexual',
    );
  });
  it('holds remarks on looks, clothes, ranking classmates and innuendo, blocks "you look hot" to a teacher and "can\'t stop looking"', () => {
    expectFlagged(
      [
        ['Miss, you look so hot today.', 'block'],
        ['You should wear tighter leggings 😏', 'review'],
        ["Let's rank the girls by who we'd kiss first.", 'review'],
        ["I'd stay after class with her, if you know what I mean", 'review'],
        // Session 23: "can't stop looking / staring" at someone blocks (train-b, train-c, train-zh and train-zq mark it severe).
        ["You've really filled out. Can't stop looking.", 'block'],
      ],
      'sexual',
    );
  });
  it('leaves weather, tents, surprise parties, paint colours and a report to the school alone', () => {
    expectClean([
      'You look hot, take off your jacket, it is 30 degrees.',
      'Pick the girls who will sleep in tent two.',
      "Let's keep the surprise party our little secret, meet at five.",
      "Send me a photo of your bedroom wall, I'll buy the right paint.",
      'The teacher has such a body of knowledge about birds.',
      "You've really developed your writing skills this term.",
      'That is a good score for a 13 year old runner.',
    ]);
  });
});

describe('more veiled threats, taunts and calls against groups', () => {
  it('blocks or reviews warnings that promise something later', () => {
    expectFlagged(
      [
        ["Mark my words, you'll pay for this.", 'review'],
        ['Laugh now. This is not over.', 'review'],
        ['Tell your friends we are coming for you.', 'block'],
        ['Say your prayers, Kalniņš.', 'review'],
        ["We've found your home address.", 'block'],
        ['I have a blade in my backpack, remember that.', 'review'],
      ],
      'threat',
    );
  });
  it('holds taunts about friends, hearing, weight and looks', () => {
    expectHeld(
      [
        'Face it, you have no friends.',
        'Are you deaf or what?',
        'Maybe you should drop some weight first.',
        'did you see her hair 😂',
        'The whole class laughs at you.',
      ],
      'harassment',
    );
    expectHeld(["He can't explain anything to save his life.", 'Worst coach ever.', 'that useless teacher again'], 'insult');
  });
  it('blocks wishing a group dead or caged', () => {
    expectFlagged(
      [
        ['I hope all migrants disappear.', 'block'],
        ['Refugees are not wanted here.', 'block'],
        ['Jews belong in camps.', 'block'],
      ],
      'hate',
    );
  });
  it('leaves paying for damage, pick-ups, first aid, grandmas and welcome notes alone', () => {
    expectClean([
      "If you lose the library book, you'll pay for it.",
      "Don't worry, I'm coming for you at five, wait by the gate.",
      'This first aid course could save your life.',
      'Age is just a number, grandma ran a marathon at seventy.',
      'Refugees are welcome at our school.',
      'Say hello to the summer, school starts on Monday.',
      'The doctor said he should lose some weight for his heart.',
      'my face when the teacher said no homework 😂',
      'No question is a stupid question.',
      'I have a knife in my lunch bag for the apples.',
    ]);
  });
});

describe('addressed insults, soft urging and remarks without a dictionary word', () => {
  it('holds person-only nouns as vocatives and strong adjectives after "you are so"', () => {
    expectHeld(['oi numpty, pass the ball', 'Get out of my seat, blockhead.', 'You are truly repulsive.'], 'insult');
  });
  it('blocks "end it all" and reviews a burden remark and a vague danger at school', () => {
    expectFlagged([['You should just end it all.', 'block']], 'self-harm');
    expectHeld(["You're a burden on everyone around you."], 'harassment');
    expectFlagged([['Something terrible is going to happen at school on Monday.', 'review']], 'threat');
  });
  it('reviews bodies on someone’s mind and virginity questions, blocks a request for something spicy', () => {
    expectFlagged(
      [
        ["Been dreaming about your body all week.", 'review'],
        ['So are you a virgin or not?', 'review'],
      ],
      'sexual',
    );
    expectFlagged([['Send me something naughty later.', 'block']], 'sexual');
  });
  it('leaves stories, concerts, olive oil and holiday souvenirs alone', () => {
    expectClean([
      'The coward in the story runs away and the hero stays.',
      'Listen, the clown is coming at five.',
      "Let's end it all with a song at the concert.",
      'Extra virgin olive oil is needed for the cooking class.',
      'Send me something nice from the trip!',
      'I feel like something bad will happen at the exam tomorrow.',
      'You are so helpful, thank you.',
    ]);
  });
});

describe('threats of vanishing, families never seen again, snitches and ruined careers', () => {
  it('blocks the severe ones and reviews the veiled ones', () => {
    expectFlagged(
      [
        ["Keep it up and I'll make you vanish.", 'block'],
        ["One more word and you won't see the weekend.", 'block'],
        ['No one will ever find your body.', 'block'],
        ['Remember: snitches get buried.', 'block'],
        ["We'll make sure you get what's coming to you.", 'review'],
        ["I'll ruin your career, just watch.", 'review'],
      ],
      'threat',
    );
  });
  it('holds taunts about faces, clothes and smell, rumours and secrets', () => {
    expectHeld(
      [
        "What's wrong with your nose, seriously?",
        'you dress like a scarecrow',
        'Ugh, you smell like a sewer.',
        "I'll tell the whole class your secrets.",
        "Let's make Liene cry again.",
      ],
      'harassment',
    );
    expectFlagged([['Just go swallow some bleach.', 'block']], 'self-harm');
    expectFlagged([['Trans kids are freaks.', 'block']], 'hate');
    expectFlagged([["You're gorgeous. How old are you?", 'review']], 'sexual');
  });
  it('leaves smoking warnings, sandwiches, results, puppies, quiz answers and injuries alone', () => {
    expectClean([
      'Smoking will ruin your life, kids.',
      "I'll make you a sandwich.",
      "You won't see the results until tomorrow.",
      'What a cute puppy, how old is it?',
      "Don't tell anyone the answers to the quiz, we'll meet after class.",
      "What's wrong with your face, did you fall? Are you ok?",
      'You smell like the farm after the trip, take a shower.',
      'Being gay is not wrong.',
      'Never drink bleach, keep it away from children.',
    ]);
  });
});

describe('superlatives, wished accidents, "or else" and knowing a family routine', () => {
  it('flags them', () => {
    expectHeld(['You are the laziest student in this school.'], 'insult');
    expectFlagged([['I hope you get run over tomorrow.', 'block']], 'self-harm');
    expectFlagged(
      [
        ['Delete that photo, or else.', 'review'],
        ["We know your daughter's kindergarten.", 'review'],
      ],
      'threat',
    );
    expectHeld(['Your flat is a total hovel.', 'you live in a shack lol'], 'harassment');
  });
  it('leaves praise, get-well wishes, PE kits and friendly neighbours alone', () => {
    expectClean([
      "You're the best teacher ever!",
      'I hope you get well soon.',
      'Bring your PE kit or else you will have to sit out.',
      'We live in a tent on holidays, so fun.',
      'I know your kids go to school here, welcome!',
      "I know what car you drive, I'll wave when I pass.",
      'Your drawing is so pretty, send me a photo of it.',
    ]);
  });
});

describe('short dismissals and a presence outside the house', () => {
  it('flags "you are trash", "die already", "die in a hole" and waiting outside a house', () => {
    expectHeld(["honestly you're garbage."], 'insult');
    expectFlagged(
      [
        ['ugh just die already', 'block'],
        ['Go and die in a ditch.', 'block'],
      ],
      'self-harm',
    );
    expectFlagged([["I'll be outside your flat tonight.", 'review']], 'threat');
  });
  it('leaves pick-ups, plants, football and modesty alone', () => {
    expectClean([
      "I'll be outside your house at 8 to pick up Anna.",
      'The plants will die already in October if it freezes.',
      "you're rubbish at football haha",
      'Thanks, it was nothing.',
      'Your house is near the dump, right? Turn left there.',
    ]);
  });
});

describe('hunting down, silencing and "you will not be missed"', () => {
  it('flags them', () => {
    expectFlagged(
      [
        ["We're gonna hunt you down.", 'block'],
        ["Don't make me do something stupid.", 'review'],
        ['You better not snitch.', 'review'],
        ['If you tell your parents, you will be sorry.', 'block'],
      ],
      'threat',
    );
    expectFlagged([["Leave. Trust me, you won't be missed.", 'block']], 'self-harm');
  });
  it('leaves fairs, dishes, surprises, homework and trips alone', () => {
    expectClean([
      "I'll track you down at the fair, text me.",
      "Don't make me do the dishes again lol",
      'You better not tell anyone about the surprise party!',
      "If you tell the teacher, she'll help, don't be sorry.",
      "You won't be missed at practice, enjoy the trip!",
      "You'd better not forget your homework.",
    ]);
  });
});
