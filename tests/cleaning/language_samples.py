"""A small hand-written multilingual set for the language filter: (text, is_english).

English patient questions and doctor answers (medical words, abbreviations, lists), the same kind of text in
Spanish, French, German, Portuguese and Italian, and short or mixed texts. Written for medtune's tests.
"""

from __future__ import annotations

ENGLISH = [
    "I have had a sharp pain in my lower back for two weeks and it gets worse when I bend over.",
    "My 5 year old son has a fever of 102 F and a rash on his chest since yesterday evening.",
    "Based on your symptoms, it could be a urinary tract infection. Drink plenty of water and see your doctor.",
    "Hi doctor, my blood pressure readings are 150/95 every morning. Should I be worried about hypertension?",
    "You may need a complete blood count, a lipid panel and an ECG to rule out any cardiac problems.",
    "I was diagnosed with type 2 diabetes last year. My HbA1c is 8.1% even though I take metformin twice a day.",
    "Take ibuprofen 400 mg every 8 hours with food, and apply ice to the swollen ankle for 20 minutes at a time.",
    "Symptoms: cough, wheezing, shortness of breath at night. Treatment: inhaled corticosteroids, albuterol.",
    "Chronic obstructive pulmonary disease is a progressive lung disease that makes it hard to breathe.",
    "After my knee surgery the wound is red, warm and leaking yellow fluid. Is this an infection?",
    "Migraine headaches often come with nausea, vomiting and sensitivity to light and sound.",
    "Hello, I am 34 years old and pregnant for the first time. Is it safe to take acetaminophen for headaches?",
    "It sounds like gastroesophageal reflux disease. Avoid spicy food, eat smaller meals and don't lie down after eating.",
    "Hypothyroidism, anemia, vitamin D deficiency and depression can all cause fatigue and weight gain.",
    "My mother has Alzheimer's disease and lately she has been confused and agitated in the evenings.",
    "Please go to the emergency room right away if the chest pain spreads to your arm or jaw.",
    "What are the side effects of amoxicillin? I developed diarrhea and stomach cramps on the third day.",
    "Psoriasis is a chronic autoimmune skin condition; topical steroids and phototherapy can help.",
    "The MRI showed a herniated disc at L4-L5 pressing on the nerve root, which explains the sciatica.",
    "Dear doctor, I noticed a painless lump in my neck about the size of a pea. Should I get an ultrasound?",
    # lists of drug names: lingua alone reads this one as Italian
    "You should take Tacrolimus (Prograf), Nifedipine, Cinacalcet (Sensipar), Irbesartan (Avapro), Sevelamer "
    "(Renvela) and Calcitriol.",
    "Medications: Brimonidine Ophthalmic, Timolol, Latanoprost, Bimatoprost Ophthalmic, Prednisolone Ophthalmic.",
]

FOREIGN = [
    # Spanish
    "Tengo dolor de cabeza desde hace tres días y también tengo fiebre por las noches.",
    "Mi hijo de cinco años tiene tos seca y le cuesta respirar cuando hace ejercicio.",
    "Según sus síntomas, podría ser una infección urinaria. Beba mucha agua y consulte a su médico.",
    "La diabetes tipo 2 es una enfermedad crónica que afecta la forma en que el cuerpo procesa el azúcar.",
    # French
    "J'ai mal au ventre depuis hier soir et je ne peux pas dormir à cause de la douleur.",
    "Mon fils a de la fièvre et une éruption cutanée sur le visage depuis deux jours.",
    "Il est possible que vous ayez une gastrite. Évitez les aliments épicés et consultez votre médecin.",
    "L'hypertension artérielle est souvent silencieuse, mais elle augmente le risque d'accident vasculaire cérébral.",
    # German
    "Ich habe seit einer Woche starke Rückenschmerzen und kann nachts kaum schlafen.",
    "Meine Tochter hat Fieber und Halsschmerzen, was soll ich tun?",
    "Es könnte sich um eine Migräne handeln. Nehmen Sie Ibuprofen und ruhen Sie sich in einem dunklen Raum aus.",
    "Bluthochdruck verursacht oft keine Beschwerden, erhöht aber das Risiko für einen Herzinfarkt.",
    # Portuguese
    "Estou com dor de garganta e febre há dois dias, o que devo fazer?",
    "Minha mãe tem pressão alta e sente tonturas quando se levanta rapidamente.",
    "Pode ser uma infecção viral. Descanse, beba muitos líquidos e procure um médico se piorar.",
    "A asma é uma doença crônica que inflama e estreita as vias respiratórias dos pulmões.",
    # Italian
    "Ho mal di testa da tre giorni e mi sento molto stanco, cosa posso fare?",
    "Mio figlio ha la febbre alta e una tosse che non passa da una settimana.",
    "Potrebbe trattarsi di una gastrite. Eviti il caffè e l'alcol e consulti il suo medico.",
    "L'ipertensione arteriosa è spesso asintomatica ma aumenta il rischio di infarto e ictus.",
]

# Short and mixed texts: what a filter should do with them. Short English titles and lists stay; a foreign
# question with English drug names or a foreign greeting on an English text is judged by its bulk.
MIXED = [
    ("Type 2 diabetes mellitus", True),
    ("Chest pain, shortness of breath, dizziness", True),
    ("Metformin 500 mg twice daily", True),
    ("Hola doctor, I have had a cough for two weeks and now my chest hurts when I breathe.", True),
    ("Thank you doctor! Merci beaucoup, I will take the antibiotics as you said and rest at home.", True),
    ("Bonjour docteur, j'ai une toux sèche depuis deux semaines, est-ce que je dois prendre un antibiotique?", False),
    ("Tengo diabetes tipo 2 y tomo metformin 500 mg, pero mi azúcar sigue alto por las mañanas.", False),
    ("Ich nehme Ibuprofen 400 mg, aber die Schmerzen im Knie werden nicht besser.", False),
    ("Dolor de cabeza", False),
    ("Mal di testa e febbre", False),
]

SAMPLES: list[tuple[str, bool]] = [(t, True) for t in ENGLISH] + [(t, False) for t in FOREIGN] + MIXED
