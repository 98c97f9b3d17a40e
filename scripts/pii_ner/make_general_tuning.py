r"""Make a synthetic, annotated TUNING (development/training) set of short general-domain English texts with PII.

Genres: tweets and social posts (30% fully lower-case, names included), replies/comments, forum threads, chat logs,
e-mails (headers, greetings, signatures, quoted replies), meeting notes, film/TV/music credits and liner notes,
author bios, obituaries, wedding and birth announcements, news (sports, local politics, business), product/hotel/
restaurant reviews, support tickets, order confirmations, key: value forms, CSV-like lines, CVs/LinkedIn summaries,
invitations, classified ads, real-estate listings, travel blogs, school/club/church newsletters and lay letters to a
doctor, pharmacist or vet (about a child, a parent or a pet).

Labels (``spans``): NAME, LOCATION, ADDRESS, DATE, PHONE, EMAIL, URL, IP, ID, AGE (over 89 only).  Titles (Mr., Dr.),
possessive 's, "#" before order numbers, "ext." and the weekday before a date stay outside the spans.  ``ignore``
marks countries, US states, provinces/regions, continents and lone years (not identifiers; a scorer should neither
reward nor punish them).  Companies, brands, products, organisations, teams, bands, titles, holidays, diseases,
drugs, weekdays, months, nationalities, languages, religions, job titles, hashtags, emojis, prices, quantities,
times and scores appear unannotated as negatives.

Every text is built by concatenating pieces; each identifier's offsets are recorded when its piece is appended (no
searching afterwards).  Offsets are Python code-point offsets.

Template language (one template per line in the blocks below; a literal ``\n`` is a line break):
  {a|b|c}     free variation (innermost braces first)      {?text}   optional text (p=0.5)
  {UPPER...}  identifier slot, e.g. {FULL1} {FIRST2} {MR1} {CITY} {DATE} {ID:order}   (digit = person of the text)
  {lower...}  non-identifier filler, e.g. {brand} {drug} {price} {he1}
  a leading ``^`` shouts the whole segment (upper case, names included).

Deterministic for a seed, offline, standard library plus faker::

    /work/main/.venv/bin/python scripts/pii_ner/make_general_tuning.py --seed 5 --n 3000 \\
        --out /work/main/.cache/pii_ner/general_tuning.jsonl
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

DEFAULT_OUT = Path("/work/main/.cache/pii_ner/general_tuning.jsonl")
TYPES = ("NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")
IGN = "IGNORE"


def _w(s: str) -> list[str]:
    """Split a '|'-separated list (newlines allowed), dropping empties and keeping order."""
    out: list[str] = []
    for x in s.replace("\n", "|").split("|"):
        x = x.strip()
        if x and x not in out:
            out.append(x)
    return out


# =====================================================================================================================
# Names
# =====================================================================================================================

FAKER_NAME_LOCALES = _w(
    "en_US|en_GB|en_IE|en_AU|en_IN|fi_FI|hu_HU|cs_CZ|sk_SK|pl_PL|ro_RO|hr_HR|sl_SI|tr_TR|vi_VN|id_ID|fil_PH|es_ES|"
    "es_MX|es_AR|es_CO|pt_BR|pt_PT|de_DE|de_AT|de_CH|nl_NL|nl_BE|fr_FR|fr_CA|it_IT|sv_SE|no_NO|da_DK|et_EE|lv_LV|"
    "lt_LT|sw|zu_ZA|yo_NG"
)

# own romanised lists: group -> (male given names, female given names, surnames)
OWN_NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "chinese": (
        _w(
            "Wei|Jian|Hao|Jun|Ming|Qiang|Lei|Tao|Bo|Yong|Xiaoming|Zhiwei|Haoran|Yuxuan|Zihao|Junjie|Kwok-Wai|Chi-Keung|"
            "Wing-Hong|Jiahao|Tianyu"
        ),
        _w("Mei|Li|Na|Xiuying|Hui|Yan|Fang|Jing|Ling|Xiaoling|Yuting|Zixuan|Siu-Ling|Wai-Man|Xinyi|Yiting|Shuang|Qian"),
        _w(
            "Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|Lin|He|Gao|Luo|Zheng|Ng|Wong|Chan|"
            "Leung|Cheung|Lau|Tsang|Fung|Kwok"
        ),
    ),
    "korean": (
        _w("Min-jun|Ji-hoon|Seo-jun|Do-yoon|Sung-ho|Dong-hyun|Jae-won|Hyun-woo|Tae-yang|Joon-young|Sang-woo|Minho"),
        _w("Seo-yeon|Ji-woo|Ha-eun|Min-seo|Hye-jin|Eun-ji|So-yeon|Ji-min|Yoo-na|Da-eun|Soo-ah|Jiyeon"),
        _w("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Baek"),
    ),
    "japanese": (
        _w("Haruto|Yuto|Sota|Hiroshi|Takeshi|Kenji|Satoshi|Daisuke|Kazuki|Ren|Takumi|Shota|Akira|Ryo|Kaito|Hideo"),
        _w("Yui|Hina|Sakura|Yuki|Keiko|Aiko|Naoko|Emi|Mai|Haruka|Misaki|Rin|Ayumi|Tomoko|Yoko|Chihiro"),
        _w(
            "Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|"
            "Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Mori|Ikeda|Fujita|Okada"
        ),
    ),
    "arabic": (
        _w(
            "Mohammed|Muhammad|Ahmed|Omar|Khalid|Youssef|Ibrahim|Hassan|Hussein|Tariq|Karim|Samir|Walid|Nabil|Mustafa|"
            "Faisal|Hamza|Bilal|Ziad|Rami|Mahmoud|Anas"
        ),
        _w("Fatima|Aisha|Layla|Maryam|Noor|Huda|Rania|Samira|Yasmin|Amal|Zainab|Leila|Salma|Dina|Hana|Rasha|Lina|Nour"),
        _w(
            "Al-Sayed|El-Masri|Haddad|Khoury|Nasser|Hassan|Abdullah|Saleh|Mansour|Al-Rashid|Farah|Aziz|Rahman|Khalil|"
            "Saad|Hamdan|Bakr|Al-Farsi|Ben Ali|El Amrani|Bouzid|Chaoui|Ouali|Abu-Hamad"
        ),
    ),
    "persian": (
        _w("Ali|Reza|Mehdi|Hossein|Amir|Dariush|Kourosh|Babak|Arash|Farhad|Saeed|Omid|Kian|Payam"),
        _w("Shirin|Parisa|Nasrin|Maryam|Leila|Azadeh|Roya|Mahsa|Niloufar|Golnaz|Sara|Yasaman|Nazanin|Ladan"),
        _w(
            "Hosseini|Mohammadi|Rezaei|Ahmadi|Karimi|Moradi|Jafari|Tehrani|Rostami|Sadeghi|Ebrahimi|Kazemi|Farahani|"
            "Navabi|Shirazi|Esfahani"
        ),
    ),
    "hebrew": (
        _w("Yosef|David|Moshe|Avi|Itai|Noam|Eitan|Yonatan|Ariel|Amit|Oren|Uri|Gilad|Nadav"),
        _w("Noa|Tamar|Shira|Yael|Maya|Talia|Michal|Adi|Rivka|Hadas|Liora|Orly|Efrat|Dana"),
        _w(
            "Cohen|Levi|Mizrahi|Peretz|Biton|Friedman|Katz|Avraham|Azoulay|Ben-David|Shapiro|Goldberg|Rosenberg|Dahan|"
            "Ashkenazi|Ben-Ami"
        ),
    ),
    "greek": (
        _w("Georgios|Dimitrios|Konstantinos|Ioannis|Nikolaos|Panagiotis|Christos|Vasilis|Stavros|Yannis|Kostas|Spyros"),
        _w("Maria|Eleni|Aikaterini|Vasiliki|Sofia|Georgia|Despina|Eirini|Anastasia|Athina|Zoe|Dimitra|Fotini"),
        _w(
            "Papadopoulos|Papadakis|Georgiou|Nikolaidis|Karagiannis|Vlachos|Oikonomou|Makris|Christodoulou|Antoniou|"
            "Dimitriou|Kostopoulos|Alexiou|Pappas"
        ),
    ),
    "russian": (
        _w("Aleksandr|Dmitry|Sergei|Andrei|Alexei|Mikhail|Ivan|Nikolai|Vladimir|Pavel|Igor|Yuri|Maxim|Artyom"),
        _w("Anastasia|Ekaterina|Natalia|Olga|Tatiana|Elena|Irina|Svetlana|Yulia|Daria|Ksenia|Polina|Lyudmila"),
        _w(
            "Ivanov|Smirnov|Kuznetsov|Popov|Sokolov|Lebedev|Kozlov|Novikov|Morozov|Volkov|Petrov|Fedorov|Orlov|Pavlov|"
            "Sokolova|Ivanova|Petrova|Volkova|Orlova|Morozova"
        ),
    ),
    "ukrainian": (
        _w("Oleksandr|Andriy|Dmytro|Serhiy|Mykola|Volodymyr|Taras|Bohdan|Yaroslav|Oleh|Vasyl|Ihor"),
        _w("Olena|Oksana|Iryna|Nataliya|Kateryna|Yulia|Halyna|Tetiana|Solomiia|Viktoriia|Mariia|Svitlana"),
        _w(
            "Shevchenko|Kovalenko|Bondarenko|Tkachenko|Kravchenko|Melnyk|Boyko|Kovalchuk|Oliynyk|Lysenko|Savchenko|"
            "Marchenko|Rudenko|Petrenko|Hnatyuk"
        ),
    ),
    "indian": (
        _w(
            "Rahul|Arjun|Vikram|Rohan|Amit|Sanjay|Rajesh|Karthik|Senthil|Murugan|Arun|Prakash|Suresh|Venkatesh|"
            "Anirban|Sourav|Debashish|Arnab|Sayan|Aditya|Ishaan|Harpreet|Gurpreet"
        ),
        _w(
            "Priya|Ananya|Deepika|Kavya|Lakshmi|Meenakshi|Divya|Shalini|Anjali|Pooja|Sneha|Riya|Tanushree|Moumita|"
            "Sreya|Ishita|Nandini|Kaveri|Simran"
        ),
        _w(
            "Sharma|Verma|Gupta|Singh|Patel|Iyer|Subramanian|Krishnan|Raghavan|Natarajan|Pillai|Chatterjee|Banerjee|"
            "Mukherjee|Das|Bose|Ghosh|Sen|Reddy|Nair|Menon|Rao|Agarwal|Joshi|Kapoor|Dhillon"
        ),
    ),
    "west_african": (
        _w(
            "Oluwaseun|Adebayo|Babatunde|Olumide|Tunde|Chukwuemeka|Emeka|Chinedu|Obinna|Ikechukwu|Ifeanyi|Musa|"
            "Abubakar|Aminu|Sani|Yakubu|Kwame|Kofi"
        ),
        _w(
            "Folake|Adaeze|Ngozi|Chiamaka|Chidinma|Funmilayo|Yetunde|Titilayo|Amina|Hadiza|Halima|Ifeoma|Nneka|Abena|"
            "Efua"
        ),
        _w(
            "Adeyemi|Okafor|Okonkwo|Balogun|Ogunleye|Eze|Nwosu|Obi|Chukwu|Bello|Danjuma|Usman|Oladipo|Oyelaran|"
            "Akinola|Nwachukwu|Okeke|Mensah|Asante|Boateng"
        ),
    ),
    "amharic": (
        _w("Abebe|Dawit|Tesfaye|Yohannes|Mulugeta|Getachew|Haile|Solomon|Bereket|Tewodros|Kebede|Alemayehu"),
        _w("Tigist|Selam|Meron|Hiwot|Bethlehem|Mekdes|Almaz|Tsion|Liya|Rahel|Eden|Saba"),
        _w("Bekele|Tadesse|Gebremedhin|Haile|Kebede|Tesfaye|Alemu|Mengistu|Girma|Wolde|Desta|Assefa"),
    ),
    "thai": (
        _w("Somchai|Somsak|Anan|Kittisak|Prasert|Chaiwat|Narong|Thanawat|Wichai|Surasak|Nattapong|Pongsakorn"),
        _w("Siriporn|Malee|Kanya|Nattaya|Pimchanok|Suda|Ratana|Wanida|Chanida|Arunee|Kulap|Ploy"),
        _w(
            "Saetang|Srisuk|Wongsawat|Chaiyaporn|Rattanakorn|Suwannarat|Thongchai|Boonmee|Kaewkla|Sukprasert|Phromma|"
            "Jaidee"
        ),
    ),
}
SURNAME_FIRST = {"chinese", "korean", "hu_HU", "vi_VN", "japanese"}

NICKS = {
    "Robert": "Bob|Bobby|Rob|Robbie",
    "William": "Bill|Will|Billy",
    "Elizabeth": "Liz|Lizzie|Beth|Betsy",
    "Katherine": "Kate|Katie|Kat",
    "Catherine": "Cathy|Kate",
    "Margaret": "Maggie|Peggy|Meg",
    "Richard": "Rich|Rick",
    "James": "Jim|Jimmy|Jamie",
    "Michael": "Mike|Mikey",
    "Christopher": "Chris|Topher",
    "Jennifer": "Jen|Jenny",
    "Alexander": "Alex|Sandy|Xander",
    "Alexandra": "Alex|Sasha|Lexi",
    "Aleksandr": "Sasha|Sanya",
    "Oleksandr": "Sasha|Oles",
    "Katarzyna": "Kasia",
    "Małgorzata": "Gosia|Małgosia",
    "Agnieszka": "Aga",
    "Francesco": "Checco|Franci",
    "Giuseppe": "Peppe|Beppe",
    "José": "Pepe",
    "Francisco": "Paco|Pancho",
    "Guillermo": "Memo",
    "Johannes": "Hannes",
    "Oluwaseun": "Seun",
    "Babatunde": "Tunde",
    "Chukwuemeka": "Emeka",
    "Olumide": "Mide",
    "Funmilayo": "Funmi",
    "Adebayo": "Bayo",
    "Muhammad": "Mo|Hamoudi",
    "Mohammed": "Mo|Moe",
    "Anastasia": "Nastya|Stacy",
    "Ekaterina": "Katya",
    "Dmitry": "Dima",
    "Natalia": "Natasha|Nata",
    "Thomas": "Tom|Tommy",
    "Benjamin": "Ben|Benji",
    "Daniel": "Dan|Danny",
    "Matthew": "Matt",
    "Nicholas": "Nick",
    "Samantha": "Sam|Sammy",
    "Samuel": "Sam",
    "Joseph": "Joe|Joey",
    "Patricia": "Patty|Trish",
    "Susan": "Sue|Suzy",
    "Rebecca": "Becky|Becca",
    "Jonathan": "Jon|Jonny",
    "Anthony": "Tony|Ant",
    "Edward": "Ed|Eddie|Ted",
    "Victoria": "Vicky|Tori",
    "Abigail": "Abby",
    "Jessica": "Jess",
    "Stephanie": "Steph",
    "Zachary": "Zach",
    "Giovanni": "Gianni",
    "Antonio": "Toni|Totò",
    "Wolfgang": "Wolfi",
    "Friedrich": "Fritz",
    "Jürgen": "Jürgi",
    "Krisztina": "Kriszti",
    "Erzsébet": "Erzsi",
    "Ferenc": "Feri",
    "Jiří": "Jirka",
    "Tomáš": "Tomík",
    "Nguyễn": "Win",
    "Kwame": "Kay",
    "Priya": "Pri",
    "Venkatesh": "Venky",
    "Rajesh": "Raju",
    "Deepika": "Deepu",
    "Lakshmi": "Lucky",
    "Gabriela": "Gabi",
    "Gabriel": "Gabe",
    "Fernanda": "Nanda",
    "Eduardo": "Dudu",
    "Consuelo": "Chelo",
    "Dolores": "Lola",
    "Ignacio": "Nacho",
    "Manuel": "Manolo",
    "Enrique": "Quique",
}
GENERIC_NICKS = _w(
    "Buddy|Sunny|Red|Ace|Bear|Coco|Lulu|Bubba|Kiki|Tiny|Sparky|Boo|Doc|Skip|Chip|Bunny|Pip|Jojo|Didi|"
    "Mimi|Titi|Biggie|Smudge|Freckles|Scout|Bambi|Peanut|Moose|Dolly|Taz"
)

TITLES_M = _w("Mr.|Mr|Dr.|Dr|Prof.|Rev.|Sir|Coach|Officer|Father|Herr|M.|Sr.|Signor|Pan|Councillor|Judge|Captain")
TITLES_F = _w(
    "Mrs.|Ms.|Miss|Ms|Mrs|Dr.|Dr|Prof.|Rev.|Dame|Coach|Officer|Sister|Frau|Mme|Sra.|Signora|Pani|"
    "Councillor|Judge|Captain"
)
FORMAL_M = _w("Mr.|Mr|Dr.|Prof.")
FORMAL_F = _w("Mrs.|Ms.|Ms|Dr.|Prof.|Miss")

# =====================================================================================================================
# Places.  Profiles: a text is set in one country (addresses, phones, cities, plates); names mix local and global.
# Fields: w weight, names (name groups), fk (faker locale for street names/cities or ""), country (ignore strings),
# regions (ignore strings), cities, towns (small places), hoods (neighbourhoods/districts), islands, streets (own),
# phone formats (d digit, N non-zero digit), mdy (US-style dates), plate formats (L letter, d digit).
# =====================================================================================================================

PROFILES: dict[str, dict] = {
    "US": dict(
        w=16,
        names="en_US|en_US|en_US|es_MX|chinese|korean|indian|en_IE|it_IT|pl_PL|arabic|west_african|vi_VN|hebrew",
        fk="en_US",
        country="the United States|the US|the USA|America|the U.S.",
        regions="California|Texas|Ohio|Oregon|Florida|New York|Illinois|Georgia|Michigan|Colorado|Vermont|Maine|"
        "Arizona|Minnesota|Washington State|North Carolina|Tennessee|Montana|Iowa|New Mexico",
        cities="New York|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|Austin|Seattle|Denver|"
        "Boston|Nashville|Portland|Atlanta|Miami|Minneapolis|Cleveland|Pittsburgh|Sacramento|Albuquerque|"
        "Tucson|Omaha|Raleigh|Savannah|Boise|Madison|Ann Arbor|Asheville|Santa Fe|Bozeman|Duluth|Baltimore|"
        "New Orleans|Milwaukee|Kansas City|St. Louis|Salt Lake City|Charleston|Richmond",
        towns="Marfa|Bar Harbor|Sedona|Stowe|Galena|Hood River|Taos|Woodstock|Carmel-by-the-Sea|Park City|Telluride|"
        "Frederick|Hershey|Cedar Falls|Bend|Ithaca|Northampton|Lancaster|Naperville|Plano",
        hoods="Brooklyn|Harlem|the Bronx|Queens|Williamsburg|Hyde Park|Wicker Park|Capitol Hill|Back Bay|Mission "
        "District|Silver Lake|Echo Park|the French Quarter|Georgetown|Midtown|SoHo|Tribeca|Astoria|Fishtown",
        islands="Nantucket|Martha's Vineyard|Maui|Oahu|Kauai|Key West|Mackinac Island|Staten Island|Long Island",
        streets="Main Street|Oak Avenue|Maple Drive|Elm Street|Cedar Lane|Park Avenue|Washington Street|Lincoln Road|"
        "Sunset Boulevard|Lakeview Drive|Highland Avenue|5th Avenue|Pine Street|Broadway|Market Street|"
        "Willow Creek Road|Chestnut Street|Magnolia Court|Riverside Drive|Spring Street",
        phone="(NdN) Ndd-dddd|NdN-Ndd-dddd|+1 NdN Ndd dddd|NdN.Ndd.dddd|+1 (NdN) Ndd-dddd|1-NdN-Ndd-dddd",
        mdy=True,
        plate="dLLLddd|LLL dddd|LLL-dddd|dLLLdd",
        st="CA|TX|OH|OR|FL|NY|IL|GA|MI|CO|VT|ME|AZ|MN|WA|NC|TN|MT|IA|NM|MA|PA|WI|VA|MD",
        counties="Orange County|Cook County|King County|Marin County|Travis County|Dade County|Westchester County",
    ),
    "UK": dict(
        w=12,
        names="en_GB|en_GB|en_GB|en_IE|indian|arabic|pl_PL|west_african|chinese|ro_RO",
        fk="en_GB",
        country="the UK|the United Kingdom|Britain|Great Britain|England|Scotland|Wales|Northern Ireland",
        regions="Yorkshire|the Midlands|the Lake District|the Highlands|East Anglia|the Cotswolds|the Peak District",
        cities="London|Manchester|Birmingham|Leeds|Glasgow|Edinburgh|Bristol|Cardiff|Belfast|Liverpool|Newcastle|"
        "Sheffield|Nottingham|Leicester|Brighton|York|Bath|Oxford|Cambridge|Norwich|Exeter|Aberdeen|Dundee|"
        "Swansea|Inverness|Plymouth|Coventry|Southampton|Derby|Lancaster",
        towns="Harrogate|Whitby|Ludlow|Hebden Bridge|Tobermory|St Ives|Keswick|Bakewell|Penzance|Ambleside|Rye|"
        "Stow-on-the-Wold|Hay-on-Wye|Tenby|Portree|Malton|Frome|Totnes|Skipton|Clitheroe|Market Harborough",
        hoods="Shoreditch|Brixton|Peckham|Hackney|Camden|Notting Hill|Islington|Clapham|Didsbury|Jesmond|Leith|"
        "Headingley|Moseley|Stokes Croft|Ancoats|Walthamstow|Bermondsey|Dalston|Morningside|Roath",
        islands="the Isle of Skye|Skye|Anglesey|the Isle of Wight|Arran|Mull|Jersey|Guernsey|Orkney|Lindisfarne",
        streets="High Street|Church Road|Station Road|Victoria Road|Albert Street|Mill Lane|Kings Road|Queen's Drive|"
        "The Crescent|Orchard Close|Park Lane|London Road|Manor Way|Bridge Street|Castle Street|Green Lane",
        phone="07ddd dddddd|+44 7ddd dddddd|020 7ddd dddd|+44 (0)20 7ddd dddd|0161 ddd dddd|0113 ddd dddd|"
        "+44 131 ddd dddd|01632 dddddd|07ddd ddd ddd",
        mdy=False,
        plate="LLdd LLL|LLdd LLL",
        counties="Kent|Cornwall|Devon|Norfolk|Surrey|Cumbria|Somerset|Fife|Suffolk|Dorset|Essex|Lancashire",
    ),
    "IE": dict(
        w=3,
        names="en_IE|en_IE|en_GB|pl_PL|en_IN",
        fk="en_IE",
        country="Ireland|the Republic of Ireland",
        regions="Munster|Leinster|Connacht|Ulster",
        cities="Dublin|Cork|Galway|Limerick|Waterford|Kilkenny",
        towns="Sligo|Dingle|Westport|Athlone|Kinsale|Clifden|Tralee|Bray|Ennis|Carlow|Letterkenny|Dungarvan",
        hoods="Rathmines|Ranelagh|Phibsborough|Stoneybatter|Salthill|Ballsbridge|Clontarf",
        islands="Inis Mór|Achill Island|Valentia Island|Cape Clear",
        streets="Main Street|Grafton Street|Patrick Street|Shop Street|O'Connell Street|Church Lane|Strand Road",
        phone="08d ddd dddd|+353 8d ddd dddd|01 ddd dddd|+353 1 ddd dddd|021 ddd dddd",
        mdy=False,
        plate="dd-D-ddddd|ddd-LL-dddd".replace("D", "L"),
        counties="Kerry|Clare|Donegal|Mayo|Wicklow|Cork|Tipperary",
    ),
    "AU": dict(
        w=4,
        names="en_AU|en_AU|en_GB|chinese|vi_VN|indian|greek|it_IT",
        fk="en_AU",
        country="Australia|Oz",
        regions="New South Wales|Queensland|Tasmania|Western Australia|South Australia|the Northern Territory",
        cities="Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Canberra|Cairns|Geelong|Newcastle|Wollongong",
        towns="Byron Bay|Fremantle|Margaret River|Alice Springs|Broome|Noosa|Katoomba|Mudgee|Bendigo|Ballarat",
        hoods="Fitzroy|Bondi|Newtown|Surry Hills|St Kilda|Paddington|Brunswick|Fortitude Valley|Glebe|Manly",
        islands="Rottnest Island|Kangaroo Island|Fraser Island|Magnetic Island|Phillip Island",
        streets="George Street|Smith Street|Chapel Street|King Street|Oxford Street|Beach Road|Bay Street",
        phone="04dd ddd ddd|+61 4dd ddd ddd|(02) dddd dddd|(03) dddd dddd|+61 2 dddd dddd",
        mdy=False,
        plate="LLL-ddd|dLLdLL|LLL ddL",
        st="NSW|VIC|QLD|WA|SA|TAS|ACT|NT",
    ),
    "CA": dict(
        w=4,
        names="en_US|fr_CA|fr_CA|en_GB|chinese|indian|ukrainian|persian",
        fk="fr_CA",
        country="Canada",
        regions="Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Nova Scotia|Saskatchewan|New Brunswick",
        cities="Toronto|Montréal|Montreal|Vancouver|Calgary|Ottawa|Halifax|Winnipeg|Québec City|Victoria|Edmonton|"
        "Saskatoon|Kelowna|Hamilton|Gatineau|Sherbrooke",
        towns="Banff|Canmore|Tofino|Lunenburg|Niagara-on-the-Lake|Whistler|Baie-Saint-Paul|Stratford|Jasper",
        hoods="the Plateau|Mile End|Kensington Market|Leslieville|Kitsilano|the Annex|Griffintown|Gastown",
        islands="Prince Edward Island|Vancouver Island|Salt Spring Island|Île d'Orléans|Toronto Island",
        streets="Yonge Street|Rue Sainte-Catherine|Boulevard Saint-Laurent|Queen Street West|Granville Street|"
        "Rue Saint-Denis|Bloor Street|Robson Street",
        phone="(NdN) Ndd-dddd|NdN-Ndd-dddd|+1 NdN Ndd dddd|+1 (NdN) Ndd-dddd",
        mdy=True,
        plate="LLLL ddd|ddd LLL",
        st="ON|QC|BC|AB|MB|NS|SK|NB",
    ),
    "IN": dict(
        w=5,
        names="en_IN|indian|indian|indian|en_IN",
        fk="en_IN",
        country="India",
        regions="Maharashtra|Kerala|Karnataka|Tamil Nadu|Punjab|West Bengal|Rajasthan|Gujarat|Goa|Telangana",
        cities="Mumbai|Delhi|New Delhi|Bengaluru|Bangalore|Chennai|Kolkata|Hyderabad|Pune|Jaipur|Kochi|Ahmedabad|"
        "Lucknow|Mysuru|Chandigarh|Coimbatore|Indore|Madurai|Nagpur|Thiruvananthapuram",
        towns="Ooty|Munnar|Shimla|Manali|Rishikesh|Pondicherry|Darjeeling|Hampi|Udaipur|Alleppey|Kodaikanal",
        hoods="Bandra|Koramangala|Andheri|Salt Lake|Indiranagar|Powai|Hauz Khas|Jayanagar|T. Nagar|Banjara Hills|"
        "Connaught Place|Whitefield|Adyar",
        islands="Havelock Island|Diu|Majuli",
        streets="MG Road|Brigade Road|Linking Road|Park Street|Anna Salai|"
        "FC Road|Residency Road|Church Street|Nehru Road|Link Road",
        phone="+91 9dddd ddddd|+91 98ddd ddddd|09ddd dddddd|98ddd ddddd|+91-80-dddd dddd|080 dddd dddd",
        mdy=False,
        plate="LL dd LL dddd|LL-dd-LL-dddd",
    ),
    "DE": dict(
        w=7,
        names="de_DE|de_DE|de_DE|tr_TR|pl_PL|russian|arabic|it_IT|hr_HR|greek",
        fk="de_DE",
        country="Germany|Deutschland",
        regions="Bavaria|Bayern|Saxony|Hesse|Baden-Württemberg|North Rhine-Westphalia|Brandenburg|Schleswig-Holstein",
        cities="Berlin|Hamburg|München|Munich|Köln|Cologne|Frankfurt|Stuttgart|Düsseldorf|Leipzig|Dresden|Freiburg|"
        "Heidelberg|Münster|Bremen|Nürnberg|Rostock|Bamberg|Hannover|Kiel|Mainz|Bonn|Regensburg|Augsburg",
        towns="Lüneburg|Rothenburg ob der Tauber|Quedlinburg|Garmisch-Partenkirchen|Bad Tölz|Meißen|Tübingen|"
        "Wernigerode|Cochem|Lindau|Husum|Görlitz|Celle|Weimar",
        hoods="Kreuzberg|Neukölln|Prenzlauer Berg|Schwabing|Ehrenfeld|St. Pauli|Altona|Friedrichshain|Sachsenhausen|"
        "Connewitz|Haidhausen|Schanzenviertel|Wedding|Moabit",
        islands="Rügen|Sylt|Usedom|Föhr|Norderney|Helgoland|Reichenau",
        streets="",
        phone="030 dddddddd|+49 30 ddddddd|0151 dddddddd|+49 (0)89 ddddddd|0176/dddddddd|+49 171 dddddddd|"
        "040-ddddddd|0221 ddddddd|+49 176 ddd ddddd",
        mdy=False,
        plate="B-LL dddd|M-L ddd|HH-LL ddd|K-LL dddd|F-LL ddd|S-L dddd",
    ),
    "AT": dict(
        w=2,
        names="de_AT|de_AT|hr_HR|tr_TR|hu_HU|cs_CZ",
        fk="de_AT",
        country="Austria|Österreich",
        regions="Tyrol|Tirol|Styria|Carinthia|Vorarlberg|Upper Austria",
        cities="Wien|Vienna|Graz|Linz|Salzburg|Innsbruck|Klagenfurt|Bregenz|St. Pölten|Villach",
        towns="Hallstatt|Kitzbühel|Zell am See|Bad Ischl|Dürnstein|St. Anton|Melk|Mariazell",
        hoods="Leopoldstadt|Neubau|Ottakring|Josefstadt|Favoriten|Mariahilf",
        islands="",
        streets="",
        phone="+43 1 ddd dd dd|0664 ddddddd|+43 664 ddd dddd|0676 ddd dd dd",
        mdy=False,
        plate="W-dddddL|G-ddd LL|S-ddd LL",
    ),
    "CH": dict(
        w=2,
        names="de_CH|de_CH|fr_FR|it_IT|pt_PT|hr_HR",
        fk="de_CH",
        country="Switzerland|die Schweiz|la Suisse",
        regions="Valais|Graubünden|Ticino|Bern canton|Vaud",
        cities="Zürich|Zurich|Geneva|Genève|Bern|Basel|Lausanne|Lucerne|Luzern|Lugano|St. Gallen|Winterthur",
        towns="Zermatt|Grindelwald|Interlaken|Montreux|Davos|Appenzell|Gstaad|Ascona",
        hoods="Kreis 4|Wiedikon|Plainpalais|Carouge|Seefeld|Oerlikon",
        islands="",
        streets="Bahnhofstrasse|Rue du Rhône|Spitalgasse|Seestrasse",
        phone="+41 44 ddd dd dd|079 ddd dd dd|+41 79 ddd dd dd|022 ddd dd dd",
        mdy=False,
        plate="ZH ddd ddd|BE ddd ddd|GE ddd ddd|VD ddd ddd",
    ),
    "FR": dict(
        w=6,
        names="fr_FR|fr_FR|fr_FR|arabic|pt_PT|es_ES|west_african|vi_VN",
        fk="fr_FR",
        country="France",
        regions="Provence|Brittany|Bretagne|Normandy|Normandie|Alsace|Burgundy|the Dordogne|Occitanie|Corsica",
        cities="Paris|Lyon|Marseille|Toulouse|Nice|Nantes|Bordeaux|Lille|Strasbourg|Montpellier|Rennes|Grenoble|"
        "Dijon|Reims|Tours|Angers|Nancy|Metz|Brest|Le Havre",
        towns="Annecy|Avignon|Colmar|Biarritz|Honfleur|Saint-Malo|Gordes|Chamonix|Arles|Étretat|Sarlat-la-Canéda|"
        "Carcassonne|Uzès|Cassis|Amboise",
        hoods="Le Marais|Montmartre|Belleville|Croix-Rousse|Saint-Germain-des-Prés|Le Panier|Oberkampf|"
        "the 11th arrondissement|Batignolles|Vieux Lyon|Les Chartrons",
        islands="Île de Ré|Belle-Île|Île d'Oléron|Porquerolles|Île de Bréhat",
        streets="",
        phone="06 dd dd dd dd|+33 6 dd dd dd dd|01 dd dd dd dd|07 dd dd dd dd|+33 (0)1 dd dd dd dd|04 dd dd dd dd",
        mdy=False,
        plate="LL-ddd-LL",
    ),
    "NL": dict(
        w=3,
        names="nl_NL|nl_NL|nl_NL|tr_TR|arabic|id_ID|de_DE",
        fk="nl_NL",
        country="the Netherlands|Holland",
        regions="Friesland|Zeeland|Limburg|North Holland|Noord-Brabant|Gelderland",
        cities="Amsterdam|Rotterdam|Utrecht|Den Haag|The Hague|Eindhoven|Groningen|Haarlem|Leiden|Delft|Maastricht|"
        "Nijmegen|Zwolle|Arnhem|Breda|Tilburg|Amersfoort|Deventer",
        towns="Giethoorn|Volendam|Edam|Hoorn|Zierikzee|Harlingen|Valkenburg|Naarden|Gouda|Alkmaar",
        hoods="De Pijp|Jordaan|Oud-West|Kralingen|Lombok|Noord|De Baarsjes|Oost",
        islands="Texel|Terschelling|Ameland|Vlieland|Schiermonnikoog",
        streets="",
        phone="06-dddddddd|+31 6 dddddddd|020-ddddddd|+31 (0)20 ddd dddd|06 dd dd dd dd|010 ddd dddd",
        mdy=False,
        plate="dd-LLL-d|LL-ddd-L|d-LLL-dd",
    ),
    "BE": dict(
        w=2,
        names="nl_BE|nl_BE|fr_FR|arabic|it_IT|pl_PL",
        fk="nl_BE",
        country="Belgium|België|la Belgique",
        regions="Flanders|Wallonia|the Ardennes",
        cities="Brussels|Bruxelles|Antwerpen|Antwerp|Gent|Ghent|Brugge|"
        "Bruges|Leuven|Liège|Namur|Mechelen|Hasselt|Charleroi|Ostend",
        towns="Dinant|Durbuy|Ypres|Ieper|Lier|Damme|Spa|Knokke",
        hoods="Ixelles|Saint-Gilles|Schaerbeek|Het Zuid|Etterbeek|Molenbeek",
        islands="",
        streets="",
        phone="+32 4dd dd dd dd|04dd/dd.dd.dd|02 ddd dd dd|+32 2 ddd dd dd",
        mdy=False,
        plate="d-LLL-ddd",
    ),
    "IT": dict(
        w=5,
        names="it_IT|it_IT|it_IT|ro_RO|arabic|sl_SI",
        fk="it_IT",
        country="Italy|Italia",
        regions="Tuscany|Toscana|Lombardy|Sicily|Sardinia|Puglia|Umbria|Piedmont|Veneto|Liguria|Campania",
        cities="Roma|Rome|Milano|Milan|Napoli|Naples|Torino|Turin|Firenze|Florence|Bologna|Venezia|Venice|Verona|"
        "Palermo|Genova|Bari|Lecce|Siena|Trieste|Bergamo|Padova|Parma|Modena|Perugia|Catania",
        towns="Positano|Orvieto|Matera|Alberobello|Bellagio|Cortona|Montepulciano|Vernazza|Sirmione|Taormina|"
        "Assisi|San Gimignano|Cefalù|Polignano a Mare",
        hoods="Trastevere|Navigli|Brera|Monti|Testaccio|Isola|Oltrarno|Quartieri Spagnoli|San Salvario|Pigneto",
        islands="Capri|Ischia|Elba|Procida|Burano|Murano|Lampedusa|Salina",
        streets="",
        phone="+39 3dd ddd dddd|06 dddd dddd|3dd ddddddd|+39 02 dddd dddd|3dd ddd dddd|+39 06 ddddddd",
        mdy=False,
        plate="LL ddd LL|LLdddLL",
        prov="RM|MI|NA|TO|FI|BO|VE|VR|PA|GE|BA|LE|SI|TS|BG",
    ),
    "ES": dict(
        w=5,
        names="es_ES|es_ES|es_ES|es_AR|es_CO|ro_RO|arabic|pt_PT",
        fk="es_ES",
        country="Spain|España",
        regions="Andalusia|Andalucía|Catalonia|Catalunya|Galicia|the Basque Country|Asturias|Castile and León|"
        "Valencia region|Extremadura",
        cities="Madrid|Barcelona|Valencia|Sevilla|Seville|Bilbao|Málaga|Zaragoza|Granada|Salamanca|San Sebastián|"
        "Cádiz|Palma|Alicante|Córdoba|Valladolid|Santander|Oviedo|Murcia|Santiago de Compostela",
        towns="Ronda|Cuenca|Sitges|Cadaqués|Frigiliana|Nerja|Toledo|Segovia|Tarifa|Peñíscola|Albarracín|Úbeda",
        hoods="Lavapiés|Gràcia|Malasaña|El Born|Chueca|Triana|El Raval|Ruzafa|Chamberí|Poblenou|Barceloneta",
        islands="Mallorca|Ibiza|Menorca|Tenerife|Lanzarote|Gran Canaria|Fuerteventura|La Palma|Formentera",
        streets="Calle Mayor|Gran Vía|La Rambla|Paseo de la Castellana|Calle de Alcalá|Avenida de la Constitución",
        phone="+34 6dd ddd ddd|6dd dd dd dd|91 ddd dd dd|+34 93 ddd dd dd|6dd ddd ddd",
        mdy=False,
        plate="dddd LLL",
    ),
    "PT": dict(
        w=2,
        names="pt_PT|pt_PT|pt_BR|es_ES",
        fk="pt_PT",
        country="Portugal",
        regions="the Algarve|Alentejo|Minho",
        cities="Lisboa|Lisbon|Porto|Coimbra|Braga|Faro|Aveiro|Évora|Setúbal|Guimarães|Funchal",
        towns="Sintra|Cascais|Óbidos|Nazaré|Lagos|Tavira|Ericeira|Monsaraz|Viana do Castelo",
        hoods="Alfama|Bairro Alto|Chiado|Príncipe Real|Ribeira|Cedofeita|Graça|Mouraria",
        islands="Madeira|São Miguel|Porto Santo|Pico|Terceira",
        streets="",
        phone="+351 9dd ddd ddd|9dd ddd ddd|21d ddd ddd|+351 21 ddd dddd",
        mdy=False,
        plate="LL-dd-LL|dd-LL-dd",
    ),
    "BR": dict(
        w=4,
        names="pt_BR|pt_BR|pt_BR|japanese|it_IT|arabic|de_DE",
        fk="pt_BR",
        country="Brazil|Brasil",
        regions="Bahia|Minas Gerais|Rio Grande do Sul|Santa Catarina|Pernambuco|Paraná|Ceará",
        cities="São Paulo|Rio de Janeiro|Salvador|Belo Horizonte|Curitiba|Recife|Porto Alegre|Fortaleza|Manaus|"
        "Florianópolis|Brasília|Belém|Goiânia|Campinas|Natal",
        towns="Paraty|Ouro Preto|Búzios|Petrópolis|Tiradentes|Olinda|Gramado|Bonito|Jericoacoara|Ilhabela",
        hoods="Copacabana|Ipanema|Vila Madalena|Leblon|Pinheiros|Santa Teresa|Lapa|Botafogo|Moema|Pelourinho",
        islands="Fernando de Noronha|Ilha Grande|Ilha do Mel",
        streets="",
        phone="+55 11 9dddd-dddd|(21) 9dddd-dddd|(11) 9dddd-dddd|+55 (31) 9dddd-dddd|11 9dddd dddd",
        mdy=False,
        plate="LLLdLdd|LLL-dddd",
        st="SP|RJ|MG|BA|PR|RS|SC|PE|CE|DF|AM",
    ),
    "MX": dict(
        w=3,
        names="es_MX|es_MX|es_MX|en_US|es_CO",
        fk="es_MX",
        country="Mexico|México",
        regions="Jalisco|Oaxaca|Yucatán|Chiapas|Baja California|Nuevo León|Quintana Roo|Puebla",
        cities="Ciudad de México|Mexico City|CDMX|Guadalajara|Monterrey|Puebla|Oaxaca|Mérida|Tijuana|Querétaro|León|"
        "Morelia|Veracruz|Cancún|Toluca",
        towns="San Miguel de Allende|Tulum|Taxco|Valladolid|Bacalar|Tequila|Real de Catorce|Sayulita|Todos Santos",
        hoods="Coyoacán|Roma Norte|Polanco|La Condesa|San Ángel|Tlaquepaque|Juárez|Narvarte",
        islands="Isla Mujeres|Cozumel|Holbox",
        streets="Avenida Reforma|Calle Madero|Avenida Insurgentes",
        phone="+52 55 dddd dddd|55 dddd dddd|+52 33 dddd dddd|(55) dddd-dddd",
        mdy=False,
        plate="LLL-ddd-L|LLL-dd-dd",
    ),
    "AR": dict(
        w=2,
        names="es_AR|es_AR|it_IT|es_ES",
        fk="es_AR",
        country="Argentina",
        regions="Patagonia|Mendoza province|Salta province|Córdoba province|Buenos Aires province",
        cities="Buenos Aires|Córdoba|Rosario|Mendoza|Bariloche|Salta|Mar del Plata|La Plata|Ushuaia|Tucumán",
        towns="El Calafate|Tilcara|Cafayate|Villa La Angostura|Purmamarca|El Chaltén",
        hoods="Palermo|San Telmo|Recoleta|La Boca|Belgrano|Villa Crespo|Caballito",
        islands="",
        streets="Avenida Corrientes|Avenida de Mayo|Calle Florida|Avenida Santa Fe",
        phone="+54 9 11 dddd-dddd|011 dddd-dddd|+54 11 dddd dddd|15-dddd-dddd",
        mdy=False,
        plate="LL ddd LL",
    ),
    "CO": dict(
        w=2,
        names="es_CO|es_CO|es_MX|es_ES",
        fk="es_CO",
        country="Colombia",
        regions="Antioquia|the Caribbean coast|Boyacá|Valle del Cauca",
        cities="Bogotá|Medellín|Cali|Cartagena|Barranquilla|Bucaramanga|Santa Marta|Pereira|Manizales",
        towns="Salento|Villa de Leyva|Guatapé|Barichara|Jardín|Mompox|Minca",
        hoods="El Poblado|Chapinero|Laureles|Getsemaní|Usaquén|La Candelaria",
        islands="San Andrés|Providencia|Isla Barú",
        streets="",
        phone="+57 3dd ddd dddd|3dd ddd dddd|(601) ddd dddd|+57 601 ddd dddd",
        mdy=False,
        plate="LLL ddd|LLL-ddd",
    ),
    "PL": dict(
        w=4,
        names="pl_PL|pl_PL|pl_PL|ukrainian|de_DE",
        fk="pl_PL",
        country="Poland|Polska",
        regions="Silesia|Masuria|Pomerania|Lesser Poland|Podlasie",
        cities="Warszawa|Warsaw|Kraków|Krakow|Gdańsk|Wrocław|Poznań|Łódź|Lublin|Toruń|Szczecin|Katowice|Białystok|"
        "Rzeszów|Olsztyn|Bydgoszcz",
        towns="Zakopane|Sopot|Kazimierz Dolny|Malbork|Sandomierz|Karpacz|Hel|Zamość|Wieliczka|Mikołajki",
        hoods="Kazimierz|Praga|Mokotów|Żoliborz|Nadodrze|Wrzeszcz|Podgórze|Śródmieście",
        islands="Wolin|Sobieszewo",
        streets="",
        phone="+48 ddd ddd ddd|ddd-ddd-ddd|+48 5dd ddd ddd|ddd ddd ddd|+48 22 ddd dd dd",
        mdy=False,
        plate="LL ddddd|LLL ddLL|WA ddddd|KR dLLdd",
    ),
    "CZ": dict(
        w=2,
        names="cs_CZ|cs_CZ|sk_SK|ukrainian|vi_VN",
        fk="cs_CZ",
        country="the Czech Republic|Czechia",
        regions="Bohemia|Moravia|South Bohemia",
        cities="Praha|Prague|Brno|Ostrava|Olomouc|Plzeň|Liberec|České Budějovice|Hradec Králové",
        towns="Český Krumlov|Kutná Hora|Telč|Mikulov|Karlovy Vary|Třeboň|Litomyšl",
        hoods="Žižkov|Vinohrady|Holešovice|Smíchov|Karlín|Malá Strana|Letná",
        islands="",
        streets="",
        phone="+420 ddd ddd ddd|ddd ddd ddd|+420 6dd ddd ddd|+420 7dd ddd ddd",
        mdy=False,
        plate="dLd dddd|dLL dddd",
    ),
    "SK": dict(
        w=1,
        names="sk_SK|sk_SK|cs_CZ|hu_HU",
        fk="sk_SK",
        country="Slovakia",
        regions="the High Tatras|Spiš",
        cities="Bratislava|Košice|Žilina|Nitra|Banská Bystrica|Prešov|Trnava",
        towns="Bardejov|Banská Štiavnica|Levoča|Poprad|Piešťany",
        hoods="Petržalka|Staré Mesto|Ružinov",
        islands="",
        streets="",
        phone="+421 9dd ddd ddd|09dd ddd ddd",
        mdy=False,
        plate="BA-dddLL|KE-dddLL",
    ),
    "HU": dict(
        w=2,
        names="hu_HU|hu_HU|hu_HU|ro_RO|sk_SK",
        fk="hu_HU",
        country="Hungary|Magyarország",
        regions="Lake Balaton region|Transdanubia|the Great Plain",
        cities="Budapest|Debrecen|Szeged|Pécs|Győr|Eger|Miskolc|Sopron|Kecskemét|Székesfehérvár",
        towns="Szentendre|Tihany|Hollókő|Tokaj|Visegrád|Keszthely|Siófok",
        hoods="Erzsébetváros|Újlipótváros|Józsefváros|Buda Castle District|Óbuda|Ferencváros|Belváros",
        islands="Margaret Island|Csepel Island",
        streets="",
        phone="+36 30 ddd dddd|+36 20 ddd dddd|06 1 ddd dddd|06 30 ddd dddd|+36 1 ddd dddd",
        mdy=False,
        plate="LLL-ddd|LLLL-ddd",
    ),
    "RO": dict(
        w=2,
        names="ro_RO|ro_RO|ro_RO|hu_HU",
        fk="ro_RO",
        country="Romania|România",
        regions="Transylvania|Moldavia|Wallachia|Maramureș|Dobruja",
        cities="Bucharest|București|Cluj-Napoca|Timișoara|Iași|Brașov|Sibiu|Constanța|Oradea|Craiova|Arad",
        towns="Sighișoara|Sinaia|Bran|Vama Veche|Mediaș|Sighetu Marmației|Biertan",
        hoods="Floreasca|Cotroceni|Dorobanți|Lipscani|Mănăștur|Drumul Taberei",
        islands="",
        streets="",
        phone="+40 7dd ddd ddd|07dd ddd ddd|021 ddd dddd|+40 21 ddd dddd",
        mdy=False,
        plate="B ddd LLL|CJ dd LLL",
    ),
    "HR": dict(
        w=2,
        names="hr_HR|hr_HR|sl_SI|it_IT",
        fk="hr_HR",
        country="Croatia|Hrvatska",
        regions="Dalmatia|Istria|Slavonia",
        cities="Zagreb|Split|Dubrovnik|Rijeka|Zadar|Osijek|Pula|Šibenik|Varaždin",
        towns="Rovinj|Motovun|Trogir|Makarska|Hvar Town|Cavtat|Opatija|Samobor",
        hoods="Trešnjevka|Maksimir|Lapad|Varoš|Gornji Grad",
        islands="Hvar|Korčula|Brač|Vis|Krk|Mljet|Lošinj|Cres",
        streets="",
        phone="+385 9d ddd dddd|09d ddd dddd|+385 1 ddd dddd",
        mdy=False,
        plate="ZG dddd-LL|ST ddd-L",
    ),
    "SI": dict(
        w=1,
        names="sl_SI|sl_SI|hr_HR",
        fk="sl_SI",
        country="Slovenia|Slovenija",
        regions="Carniola|Styria|the Karst",
        cities="Ljubljana|Maribor|Celje|Kranj|Koper|Novo Mesto",
        towns="Bled|Piran|Bohinj|Kobarid|Ptuj|Izola|Škofja Loka",
        hoods="Trnovo|Šiška|Bežigrad",
        islands="",
        streets="",
        phone="+386 4d ddd ddd|04d ddd ddd|+386 1 ddd dd dd",
        mdy=False,
        plate="LJ LL-ddd|MB dd-ddL",
    ),
    "FI": dict(
        w=2,
        names="fi_FI|fi_FI|fi_FI|sv_SE|et_EE|russian",
        fk="fi_FI",
        country="Finland|Suomi",
        regions="Lapland|Lappi|Uusimaa|Karelia|Ostrobothnia",
        cities="Helsinki|Espoo|Tampere|Turku|Oulu|Rovaniemi|Jyväskylä|Kuopio|Lahti|Vaasa|Joensuu|Vantaa",
        towns="Porvoo|Naantali|Savonlinna|Inari|Hanko|Rauma|Levi",
        hoods="Kallio|Punavuori|Töölö|Kruununhaka|Kalasatama|Pispala",
        islands="Suomenlinna|Åland|Seurasaari",
        streets="",
        phone="+358 40 ddd dddd|040 ddd dddd|+358 50 ddd dddd|050 ddd dddd|09 dddd ddd",
        mdy=False,
        plate="LLL-ddd",
    ),
    "SE": dict(
        w=2,
        names="sv_SE|sv_SE|sv_SE|fi_FI|arabic|persian",
        fk="sv_SE",
        country="Sweden|Sverige",
        regions="Skåne|Norrland|Dalarna|Småland|Lapland",
        cities="Stockholm|Göteborg|Gothenburg|Malmö|Uppsala|Lund|Umeå|Linköping|Örebro|Västerås|Luleå|Helsingborg",
        towns="Visby|Ystad|Kiruna|Sigtuna|Mora|Åre|Vadstena",
        hoods="Södermalm|Vasastan|Östermalm|Majorna|Haga|Möllevången|Kungsholmen",
        islands="Gotland|Öland|Orust|Marstrand",
        streets="",
        phone="+46 70 ddd dd dd|070-ddd dd dd|+46 8 ddd ddd dd|08-ddd ddd dd|073-ddd dd dd",
        mdy=False,
        plate="LLL ddd|LLL ddL",
    ),
    "NO": dict(
        w=2,
        names="no_NO|no_NO|no_NO|sv_SE|pl_PL",
        fk="no_NO",
        country="Norway|Norge",
        regions="Vestland|Nordland|Finnmark|Trøndelag",
        cities="Oslo|Bergen|Trondheim|Stavanger|Tromsø|Kristiansand|Drammen|Ålesund|Bodø",
        towns="Flåm|Geiranger|Lillehammer|Røros|Svolvær|Reine|Odda",
        hoods="Grünerløkka|Frogner|Majorstuen|Gamle Oslo|Bryggen|Tøyen",
        islands="Lofoten|Senja|Svalbard|Stord",
        streets="",
        phone="+47 ddd dd ddd|ddd dd ddd|+47 9dd dd ddd|4dd dd ddd",
        mdy=False,
        plate="LL ddddd",
    ),
    "DK": dict(
        w=2,
        names="da_DK|da_DK|da_DK|sv_SE|tr_TR",
        fk="da_DK",
        country="Denmark|Danmark",
        regions="Jutland|Zealand|Funen",
        cities="København|Copenhagen|Aarhus|Odense|Aalborg|Esbjerg|Roskilde",
        towns="Skagen|Ribe|Helsingør|Ærøskøbing|Dragør|Ebeltoft|Svaneke",
        hoods="Nørrebro|Vesterbro|Østerbro|Christianshavn|Frederiksberg|Amager",
        islands="Bornholm|Ærø|Møn|Fanø|Samsø",
        streets="",
        phone="+45 dd dd dd dd|dd dd dd dd|+45 dddd dddd",
        mdy=False,
        plate="LL dd ddd",
    ),
    "BALTIC": dict(
        w=2,
        names="et_EE|lv_LV|lt_LT|russian|ukrainian",
        fk="",
        country="Estonia|Latvia|Lithuania|Eesti|Latvija",
        regions="the Baltics|Courland|Samogitia",
        cities="Tallinn|Tartu|Pärnu|Riga|Jūrmala|Liepāja|Vilnius|Kaunas|Klaipėda|Narva|Daugavpils|Šiauliai",
        towns="Haapsalu|Kuressaare|Sigulda|Cēsis|Trakai|Nida|Viljandi|Kuldīga",
        hoods="Kalamaja|Kadriorg|Užupis|Āgenskalns|Telliskivi|Žvėrynas",
        islands="Saaremaa|Hiiumaa|Muhu",
        streets="Pikk tänav|Brīvības iela|Gedimino prospektas|Narva maantee|Pilies gatvė|Tartu mnt|Elizabetes iela",
        phone="+372 5ddd dddd|+371 2ddd dddd|+370 6dd ddddd|8 6dd ddddd",
        mdy=False,
        plate="ddd LLL|LL-dddd",
    ),
    "TR": dict(
        w=3,
        names="tr_TR|tr_TR|tr_TR|arabic|persian",
        fk="",
        country="Turkey|Türkiye",
        regions="Anatolia|Cappadocia|the Aegean coast|the Black Sea region",
        cities="İstanbul|Istanbul|Ankara|İzmir|Izmir|Antalya|Bursa|Trabzon|Gaziantep|Konya|Eskişehir|Adana",
        towns="Göreme|Kaş|Bodrum|Ürgüp|Fethiye|Safranbolu|Alaçatı|Amasra|Mardin|Kalkan",
        hoods="Kadıköy|Beşiktaş|Cihangir|Moda|Nişantaşı|Karaköy|Üsküdar|Balat|Alsancak",
        islands="Büyükada|Bozcaada|Gökçeada|the Princes' Islands",
        streets="İstiklal Caddesi|Bağdat Caddesi|Atatürk Bulvarı|Cumhuriyet Caddesi|Kıbrıs Şehitleri Caddesi|"
        "Moda Caddesi|Barbaros Bulvarı",
        phone="+90 5dd ddd dd dd|0 (5dd) ddd dd dd|0532 ddd dd dd|+90 212 ddd dd dd",
        mdy=False,
        plate="34 LLL ddd|06 LL dddd|35 L dddd",
    ),
    "VN": dict(
        w=2,
        names="vi_VN|vi_VN|vi_VN|chinese",
        fk="",
        country="Vietnam|Viet Nam",
        regions="the Mekong Delta|Sapa region",
        cities="Hà Nội|Hanoi|Ho Chi Minh City|Saigon|Đà Nẵng|Da Nang|Huế|Hue|Hải Phòng|Cần Thơ|Nha Trang",
        towns="Hội An|Hoi An|Sa Pa|Đà Lạt|Dalat|Mũi Né|Ninh Bình|Hà Giang",
        hoods="Hoàn Kiếm|Tây Hồ|Thảo Điền|District 1|Bình Thạnh|Ba Đình",
        islands="Phú Quốc|Phu Quoc|Côn Đảo|Cát Bà",
        streets="Nguyễn Huệ|Lê Lợi|Hàng Bạc|Phạm Ngũ Lão|Trần Hưng Đạo|Điện Biên Phủ|Bạch Đằng",
        phone="+84 9d ddd dddd|09dd ddd ddd|+84 (0)28 dddd dddd|+84 90 ddd dd dd",
        mdy=False,
        plate="dd L-ddd.dd",
    ),
    "ID": dict(
        w=2,
        names="id_ID|id_ID|id_ID|chinese",
        fk="id_ID",
        country="Indonesia",
        regions="Java|Sumatra|Sulawesi|Borneo",
        cities="Jakarta|Bandung|Surabaya|Yogyakarta|Medan|Semarang|Makassar|Denpasar|Malang|Bogor",
        towns="Ubud|Canggu|Seminyak|Bukittinggi|Labuan Bajo|Kuta",
        hoods="Kemang|Menteng|Kuningan|Senopati|Kota Tua|Prawirotaman",
        islands="Bali|Lombok|the Gili Islands|Gili Trawangan|Flores|Komodo|Nusa Penida",
        streets="",
        phone="+62 812-dddd-dddd|0812 dddd dddd|+62 21 dddd dddd|0813-dddd-dddd",
        mdy=False,
        plate="L dddd LLL|LL dddd LL",
    ),
    "PH": dict(
        w=2,
        names="fil_PH|fil_PH|es_ES|chinese|en_US",
        fk="",
        country="the Philippines",
        regions="Luzon|Visayas|Mindanao|Ilocos|Bicol",
        cities="Manila|Quezon City|Cebu City|Davao|Makati|Baguio|Iloilo City|Pasig|Taguig|Bacolod",
        towns="Vigan|Sagada|El Nido|Coron|Tagaytay|Dumaguete|Moalboal",
        hoods="Poblacion|Bonifacio Global City|BGC|Intramuros|Binondo|Malate|Ortigas",
        islands="Palawan|Siargao|Boracay|Bohol|Camiguin|Siquijor",
        streets="Ayala Avenue|Roxas Boulevard|Katipunan Avenue|Colon Street|"
        "Osmeña Boulevard|Rizal Avenue|Mabini Street",
        phone="+63 9dd ddd dddd|09dd ddd dddd|+63 2 8ddd dddd|(02) 8ddd dddd",
        mdy=True,
        plate="LLL dddd|LLL ddd",
    ),
    "NG": dict(
        w=3,
        names="yo_NG|west_african|west_african|west_african|yo_NG",
        fk="",
        country="Nigeria|Ghana",
        regions="Lagos State|Ogun State|Kano State|Rivers State|the Ashanti Region",
        cities="Lagos|Abuja|Ibadan|Kano|Enugu|Port Harcourt|Benin City|Kaduna|Abeokuta|Accra|Kumasi|Jos|Owerri|Calabar",
        towns="Osogbo|Ile-Ife|Badagry|Oyo|Cape Coast|Nsukka|Obudu|Ogbomosho",
        hoods="Ikeja|Lekki|Surulere|Yaba|Ikoyi|Victoria Island|Wuse|Maitama|Osu|East Legon|Garki|Gbagada",
        islands="Lagos Island|Banana Island|Bonny Island",
        streets="Adeola Odeku Street|Allen Avenue|Awolowo Road|Admiralty Way|Herbert Macaulay Way|Aminu Kano Crescent|"
        "Ozumba Mbadiwe Avenue|Adetokunbo Ademola Crescent|Oxford Street",
        phone="+234 80d ddd dddd|080d ddd dddd|+234 (0)70d ddd dddd|0803 ddd dddd|+233 24 ddd dddd|024 ddd dddd",
        mdy=False,
        plate="LLL-dddLL|LL ddd LLL",
    ),
    "KE": dict(
        w=2,
        names="sw|sw|sw|west_african|indian|amharic",
        fk="",
        country="Kenya|Tanzania|Uganda|Ethiopia",
        regions="the Rift Valley|Coast Province|Central Kenya|Oromia",
        cities="Nairobi|Mombasa|Kisumu|Nakuru|Eldoret|"
        "Dar es Salaam|Arusha|Kampala|Entebbe|Addis Ababa|Bahir Dar|Dodoma",
        towns="Naivasha|Nanyuki|Lamu|Malindi|Diani|Moshi|Jinja|Watamu|Gondar|Lalibela",
        hoods="Westlands|Kilimani|Lavington|Kileleshwa|Parklands|Karen|Masaki|Bole|Runda",
        islands="Zanzibar|Lamu Island|Pemba|Ssese Islands",
        streets="Moi Avenue|Kenyatta Avenue|Ngong Road|Waiyaki Way|Kimathi Street|Argwings Kodhek Road|Bole Road",
        phone="+254 7dd dddddd|07dd dddddd|+254 7dd ddd ddd|+255 7dd ddd ddd|+251 9d ddd dddd",
        mdy=False,
        plate="KLL dddL|KLL ddd",
    ),
    "ZA": dict(
        w=2,
        names="zu_ZA|zu_ZA|en_GB|indian|af_ZA".replace("|af_ZA", ""),
        fk="zu_ZA",
        country="South Africa",
        regions="Gauteng|KwaZulu-Natal|the Western Cape|the Eastern Cape|Limpopo|Mpumalanga",
        cities="Johannesburg|Cape Town|Durban|Pretoria|Soweto|Port Elizabeth|Gqeberha|Bloemfontein|East London|"
        "Pietermaritzburg|Polokwane",
        towns="Stellenbosch|Franschhoek|Knysna|Hermanus|Paternoster|Clarens|Graaff-Reinet|Hoedspruit|Ballito",
        hoods="Sandton|Rosebank|Observatory|Woodstock|Melville|Umhlanga|Braamfontein|Sea Point|Maboneng|Berea",
        islands="Robben Island",
        streets="",
        phone="+27 8d ddd dddd|08d ddd dddd|+27 (0)21 ddd dddd|011 ddd dddd|+27 11 ddd dddd",
        mdy=False,
        plate="LL dd LL GP|LLL ddd GP|CA ddd-ddd",
    ),
    "JP": dict(
        w=2,
        names="japanese|japanese|japanese|korean|chinese",
        fk="",
        country="Japan",
        regions="Hokkaido|Kyushu|Kansai|Okinawa Prefecture|Hokuriku",
        cities="Tokyo|Osaka|Kyoto|Yokohama|Sapporo|Fukuoka|Nagoya|Kobe|Nara|Hiroshima|Sendai|Kanazawa",
        towns="Hakone|Nikko|Takayama|Kamakura|Shirakawa-go|Karuizawa|Beppu|Kinosaki|Miyajima",
        hoods="Shibuya|Shinjuku|Shimokitazawa|Asakusa|Gion|Ginza|Roppongi|Koenji|"
        "Nakameguro|Namba|Umeda|Akihabara|Harajuku",
        islands="Okinawa|Ishigaki|Naoshima|Yakushima|Miyakojima",
        streets="",
        phone="+81 90-dddd-dddd|090-dddd-dddd|03-dddd-dddd|+81 3-dddd-dddd|06-dddd-dddd",
        mdy=False,
        plate="",
    ),
    "KR": dict(
        w=2,
        names="korean|korean|korean|chinese",
        fk="",
        country="South Korea|Korea",
        regions="Gyeonggi|Gangwon",
        cities="Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Suwon|Ulsan|Jeonju",
        towns="Gyeongju|Sokcho|Andong|Yeosu|Tongyeong|Boseong",
        hoods="Gangnam|Hongdae|Itaewon|Myeongdong|Seongsu|Mapo|Jongno|Haeundae|Yeonnam-dong",
        islands="Jeju|Jeju Island|Nami Island|Ulleungdo",
        streets="",
        phone="+82 10-dddd-dddd|010-dddd-dddd|02-ddd-dddd|+82 2-dddd-dddd",
        mdy=False,
        plate="",
    ),
    "CN": dict(
        w=2,
        names="chinese|chinese|chinese",
        fk="",
        country="China|Hong Kong|Taiwan|Singapore",
        regions="Guangdong|Sichuan|Yunnan|Zhejiang|Fujian",
        cities="Beijing|Shanghai|Shenzhen|Chengdu|Guangzhou|"
        "Hangzhou|Xi'an|Nanjing|Wuhan|Suzhou|Taipei|Kaohsiung|Hong Kong|Singapore|Kunming|Qingdao",
        towns="Yangshuo|Lijiang|Dali|Pingyao|Wuzhen|Jiufen|Zhouzhuang",
        hoods="Kowloon|Mong Kok|Sha Tin|Tsim Sha Tsui|"
        "Wan Chai|Causeway Bay|Sanlitun|Xintiandi|the Former French Concession|Tiong Bahru|Xinyi District",
        islands="Lantau|Lamma Island|Hainan|Sentosa|Gulangyu",
        streets="Nathan Road|Nanjing Road|Wangfujing Street|"
        "Orchard Road|Des Voeux Road|Huaihai Road|Queen's Road Central",
        phone="+86 1dd dddd dddd|+852 dddd dddd|+65 9ddd dddd|+886 9dd ddd ddd|1dd-dddd-dddd",
        mdy=False,
        plate="",
    ),
    "TH": dict(
        w=1,
        names="thai|thai|thai|chinese",
        fk="",
        country="Thailand",
        regions="Isan|the Andaman coast",
        cities="Bangkok|Chiang Mai|Phuket|Krabi|Pattaya|Hat Yai|Khon Kaen|Udon Thani|Chiang Rai",
        towns="Pai|Hua Hin|Ayutthaya|Kanchanaburi|Sukhothai|Khao Lak",
        hoods="Sukhumvit|Silom|Thonglor|Ari|Nimman|Old Town|Ekkamai",
        islands="Koh Samui|Koh Lanta|Koh Phangan|Koh Tao|Koh Phi Phi|Koh Chang|Koh Lipe",
        streets="Sukhumvit Road|Khao San Road|Silom Road|Nimmanhaemin Road|Rama IV Road|Charoen Krung Road",
        phone="+66 8d ddd dddd|08d-ddd-dddd|+66 2 ddd dddd",
        mdy=False,
        plate="",
    ),
    "MENA": dict(
        w=3,
        names="arabic|arabic|arabic|persian|hebrew|greek",
        fk="",
        country="Egypt|Morocco|Jordan|Lebanon|the UAE|the United Arab Emirates|Qatar|Israel|Greece|Iran|Tunisia",
        regions="the Middle East|the Gulf|the Levant|the Peloponnese|Galilee|the Sinai",
        cities="Dubai|Abu Dhabi|Doha|Amman|Beirut|Cairo|Alexandria|Marrakech|Casablanca|Tunis|Tehran|Isfahan|Shiraz|"
        "Tel Aviv|Jerusalem|Haifa|Athens|Thessaloniki|Rabat|Fez|Muscat|Sharjah",
        towns="Chefchaouen|Essaouira|Byblos|Madaba|Aqaba|Dahab|Siwa|Nafplio|Kashan|Yazd|Akko|Eilat|Sidi Bou Said",
        hoods="Jumeirah|Al Barsha|Dubai Marina|Zamalek|Maadi|Gemmayzeh|Mar Mikhael|Jabal Amman|Plaka|Exarchia|"
        "Neve Tzedek|Florentin|Kolonaki",
        islands="Santorini|Naxos|Crete|Rhodes|Corfu|Mykonos|Hydra|Djerba|Kish",
        streets="Sheikh Zayed Road|Hamra Street|Rainbow Street|Rothschild Boulevard|Ermou Street|Jaffa Road|"
        "Mohammed V Avenue|Talaat Harb Street",
        phone="+971 5d ddd dddd|+20 1dd ddd dddd|+962 7 dddd dddd|+961 3 ddd ddd|+972 5d-ddd-dddd|+30 69d ddd dddd|"
        "+212 6dd-dddddd|+98 912 ddd dddd|050 ddd dddd",
        mdy=False,
        plate="",
    ),
}
for _k, _p in PROFILES.items():
    for _f in (
        "names",
        "country",
        "regions",
        "cities",
        "towns",
        "hoods",
        "islands",
        "streets",
        "phone",
        "plate",
        "st",
        "counties",
        "prov",
    ):
        _p[_f] = _w(_p.get(_f, "") or "")
    _p["code"] = _k

CONTINENTS = _w(
    "Europe|Asia|Africa|North America|South America|Latin America|Oceania|Antarctica|Scandinavia|"
    "the Balkans|Southeast Asia|Central America|the Caribbean|Western Europe|Eastern Europe|Central Asia"
)
ALL_COUNTRIES = [c for p in PROFILES.values() for c in p["country"]] + _w(
    "Canada|Japan|Brazil|Peru|Chile|Iceland|Morocco|Vietnam|Egypt|New Zealand|Sri Lanka|Nepal|Georgia|Malta|Cyprus|"
    "Luxembourg|Slovakia|Bulgaria|Serbia|Bosnia|Albania|Montenegro|Ecuador|Bolivia|Uruguay|Cuba|Jamaica|Senegal|"
    "Rwanda|Malaysia|Cambodia|Laos|Mongolia|Pakistan|Bangladesh|Scotland|Wales|Ireland|Portugal|Austria"
)
ALL_COUNTRIES = list(dict.fromkeys(ALL_COUNTRIES))

# =====================================================================================================================
# Non-identifiers (negatives): these are written into texts unannotated.
# =====================================================================================================================

NEG: dict[str, list[str]] = {
    k: _w(v)
    for k, v in {
        "company": """Apple|Spotify|IKEA|Booking.com|Google|Microsoft|Amazon|Netflix|Samsung|Nike|Adidas|Zara|H&M|Lidl|Aldi|
        Tesco|Sainsbury's|Walmart|Target|Costco|Starbucks|McDonald's|Ben & Jerry's|Johnson & Johnson|Ford|Ferrari|
        Porsche|Tesla|Toyota|Honda|Renault|Peugeot|Fiat|Škoda|Dell|HP|Lenovo|Philips|Siemens|Bosch|Nestlé|Unilever|
        Heineken|Carlsberg|Ryanair|easyJet|Lufthansa|KLM|Air France|Emirates|Uber|Airbnb|Deliveroo|Just Eat|PayPal|
        Revolut|N26|Monzo|ING|Deutsche Bank|HSBC|Barclays|Santander|BBVA|Nordea|Vodafone|Orange|T-Mobile|Deutsche Bahn|
        SNCF|Eurostar|Primark|Uniqlo|Decathlon|MediaMarkt|Currys|Argos|Boots|Walgreens|CVS|Etsy|eBay|Zalando|Shopify|
        Slack|Zoom|Dropbox|Salesforce|Oracle|SAP|Nokia|Ericsson|Carrefour|Mercadona|Albert Heijn|Migros|Rewe|Edeka|
        Rossmann|Lego|Mattel|Sony|Nintendo|Canon|Nikon|Garmin|Peloton|Trader Joe's|Whole Foods|Wendy's|Domino's|
        Tim Hortons|Dunkin'|Chipotle|Wagamama|Nando's|Pret A Manger|Greggs|Marks & Spencer|John Lewis|Waitrose|
        Tiffany & Co.|Louis Vuitton|Hermès|Gucci|Prada|Chanel|Dior|Calvin Klein|Tommy Hilfiger|Ralph Lauren|Hugo Boss|
        Levi's|Dr. Martens|Guinness|Heinz|Kellogg's|Cadbury|Hershey's|Dyson|Miele|Le Creuset|Gillette|Colgate|
        L'Oréal|Nivea|Goldman Sachs|Morgan Stanley|JPMorgan Chase|Wells Fargo|Charles Schwab|Ernst & Young|Deloitte|
        KPMG|PwC|McKinsey|Accenture|Mercedes-Benz|Chevrolet|Dodge|Volvo|BMW|Audi|Kia|Hyundai|Subaru|Mazda|Jaguar|
        Land Rover|Rolls-Royce|Bentley|Lamborghini|Maserati|Ducati|Harley-Davidson|Patagonia|The North Face|
        Victoria's Secret|Abercrombie & Fitch|Sephora|Estée Lauder|Procter & Gamble|Kraft Heinz|Mars|Ferrero|Lindt|
        Red Bull|Coca-Cola|PepsiCo|Danone|Arla|Tata|Infosys|Wipro|Reliance|Alibaba|Tencent|Huawei|Xiaomi|Rakuten|
        Uniqlo|Grab|Gojek|Jumia|MTN|Safaricom|Mercado Libre|Natura|Petrobras|Embraer|Volkswagen|Opel|Citroën|Seat""",
        "org": """the United Nations|the Red Cross|the FDA|Parliament|the European Commission|the WHO|NATO|UNICEF|the NHS|
        the IRS|HMRC|the EU|the Bundestag|the Senate|Congress|the Supreme Court|the city council|the Met Office|
        the BBC|CNN|Reuters|the Guardian|the New York Times|Greenpeace|Amnesty International|Oxfam|the Salvation Army|
        Médecins Sans Frontières|the World Bank|the IMF|FIFA|UEFA|the NFL|the NBA|the Premier League|the Bundesliga|
        La Liga|the Church of England|the Labour Party|the Conservatives|the Democrats|the Republicans|the Green Party|
        the CDC|the Ministry of Health|the Department of Education|the fire brigade|the Rotary Club|the Scouts|
        Alcoholics Anonymous|the Royal Society|Interpol|Europol|the Environment Agency|the DVLA|the DMV|the Home Office|
        the European Parliament|the Council of Europe|the Federal Reserve|the ECB|Eurostat|the OECD|UNESCO|
        the Red Crescent|the WWF|the RSPCA|the Lions Club|the Women's Institute|the Girl Guides|the YMCA|
        the chamber of commerce|the planning committee|the school board|the parish council|the Fed|the EPA|the SEC""",
        "product": """iPhone 15|iPhone 13|MacBook Air|MacBook Pro|Galaxy S23|Galaxy Tab|PlayStation 5|Nintendo Switch|
        Kindle Paperwhite|AirPods Pro|Volkswagen Golf|Toyota Corolla|Ford Fiesta|Tesla Model 3|Dyson V11|Instant Pot|
        Thermomix|Nespresso Vertuo|Roomba|Apple Watch|Fitbit Charge 6|Billy bookcase|Kallax shelf|Hemnes dresser|
        Peugeot 208|Škoda Octavia|Renault Clio|Fiat Panda|Opel Corsa|Mini Cooper|Honda Civic|Volvo XC60|Pixel 8|
        Surface Pro|ThinkPad X1|GoPro Hero 12|Sonos One|Bose QuietComfort|Vitamix blender|KitchenAid mixer|
        Weber grill|Stanley cup|Crocs|Birkenstocks|Air Jordans|Yeezys|Dr. Martens boots|Barbour jacket|Moleskine|
        Nutella|KitKat|Oreos|Pringles|Tabasco|Marmite|Vegemite|Baileys|Aperol|Jägermeister|Tesla Model Y|
        Nissan Leaf|Toyota Prius|Jeep Wrangler|Ford Transit|Range Rover|VW Polo|Fiat 500|Vespa|Brompton|
        Xbox Series X|Steam Deck|Oculus Quest|Ring doorbell|Nest thermostat|Echo Dot|Kobo Clara|reMarkable 2""",
        "software": """Excel|Word|PowerPoint|Outlook|Teams|Slack|Zoom|Photoshop|Python|Java|SAP|Salesforce|Jira|Confluence|
        Notion|Trello|WordPress|Linux|Windows 11|macOS|Android|iOS|Chrome|Firefox|WhatsApp|Telegram|Signal|Instagram|
        TikTok|Facebook|LinkedIn|Reddit|Discord|Duolingo|Strava|Tinder|Bumble|ChatGPT|Figma|Canva|QuickBooks|
        Kubernetes|Docker|Alexa|Siri|Google Maps|Spotify Wrapped|Google Docs|Dropbox|Snapchat|Pinterest|YouTube|
        Twitch|Tableau|Power BI|SQL|React|Excel macros|AutoCAD|Revit|Premiere Pro|Final Cut|Lightroom|Xero|Sage|
        Workday|HubSpot|Mailchimp|Shopify|Squarespace|Wix|Zendesk|Asana|Monday.com|Miro|Loom|Calendly|Uber Eats""",
        "team": """Manchester United|Real Madrid|FC Barcelona|Bayern Munich|Juventus|Ajax|Celtic|Rangers|Arsenal|Chelsea|
        Liverpool FC|Tottenham|Borussia Dortmund|Paris Saint-Germain|Inter Milan|AC Milan|the Lakers|the Yankees|
        the All Blacks|the Springboks|the Chicago Bulls|the Green Bay Packers|Boca Juniors|River Plate|Galatasaray|
        Fenerbahçe|Benfica|Sporting CP|FC Porto|the Red Sox|the Warriors|the Celtics|the Knicks|the Cowboys|
        the Maple Leafs|the Canadiens|Leeds United|Aston Villa|Newcastle United|Everton|Napoli|AS Roma|Atlético Madrid|
        Sevilla FC|Olympique de Marseille|Feyenoord|PSV|Club Brugge|Anderlecht|Flamengo|Corinthians|Kaizer Chiefs|
        Orlando Pirates|the Matildas|the Lionesses|the Wallabies|Mumbai Indians|Chennai Super Kings|the Patriots""",
        "band": """The Beatles|Radiohead|Coldplay|ABBA|Metallica|Daft Punk|Arctic Monkeys|Fleetwood Mac|Queen|
        The Rolling Stones|U2|BTS|Blackpink|Imagine Dragons|Foo Fighters|Pink Floyd|Nirvana|Oasis|Kraftwerk|Rammstein|
        Sigur Rós|The Cure|Depeche Mode|Massive Attack|Tame Impala|Florence + the Machine|Mumford & Sons|
        Simon & Garfunkel|Hall & Oates|Bon Jovi|Van Halen|The Smiths|Pearl Jam|Red Hot Chili Peppers|The Killers|
        Arcade Fire|Muse|Blur|Pulp|Maroon 5|Linkin Park|Green Day|Gorillaz|Måneskin|The National|Vampire Weekend|
        The Strokes|Bastille|Elbow|Portishead|Khruangbin|Buena Vista Social Club|Boney M.|Dire Straits|AC/DC""",
        "song": """Bohemian Rhapsody|Hey Jude|Dancing Queen|Wonderwall|Smells Like Teen Spirit|Hallelujah|Yesterday|Imagine|
        Purple Rain|Rolling in the Deep|Shape of You|Blinding Lights|Despacito|Let It Be|Jolene|Roxanne|Layla|
        Mrs Robinson|Billie Jean|Sweet Caroline|Take On Me|Heroes|Hotel California|Like a Rolling Stone|
        Waterloo|Bad Guy|Levitating|Flowers|Seven Nation Army|Mr. Brightside|Zombie|Creep|Fix You|Halo|Umbrella|
        Respect|Superstition|La Bamba|Volare|Ave Maria|Silent Night|Amazing Grace|Abide With Me|Danny Boy|
        Angels|Perfect|Thinking Out Loud|Someone Like You|Happy|Uptown Funk|Vogue|Running Up That Hill""",
        "film": """The Godfather|Inception|Titanic|Parasite|Amélie|Frozen|The Lord of the Rings|Star Wars|
        Jurassic Park|Toy Story|Forrest Gump|Schindler's List|Pulp Fiction|The Matrix|Oppenheimer|Barbie|Dune|
        Spirited Away|Cinema Paradiso|Fargo|Chinatown|The Shawshank Redemption|Goodfellas|Alien|
        Jaws|Mamma Mia!|The Sound of Music|La La Land|Everything Everywhere All at Once|Top Gun: Maverick|Inside Out|
        Paddington 2|Finding Nemo|Coco|The Lion King|Crouching Tiger, Hidden Dragon|Pan's Labyrinth|
        The Grand Budapest Hotel|Mad Max: Fury Road|Little Miss Sunshine|Love Actually|Home Alone|Die Hard""",
        "book": """Pride and Prejudice|War and Peace|Moby-Dick|Jane Eyre|Don Quixote|The Great Gatsby|
        Harry Potter and the Philosopher's Stone|Normal People|The Hobbit|Anna Karenina|Middlemarch|Beloved|Dracula|
        Matilda|Little Women|The Da Vinci Code|Sapiens|Educated|Where the Crawdads Sing|The Very Hungry Caterpillar|
        The Gruffalo|One Hundred Years of Solitude|The Alchemist|To Kill a Mockingbird|Wuthering Heights|
        Crime and Punishment|The Catcher in the Rye|Atomic Habits|Becoming|The Secret History|Circe|Lessons in Chemistry|
        The Midnight Library|Piranesi|Shuggie Bain|Wolf Hall|Frankenstein|Rebecca|Emma|Persuasion|Ulysses""",
        "show": """Friends|The Office|Breaking Bad|Game of Thrones|The Crown|Stranger Things|Succession|Downton Abbey|
        The Simpsons|Seinfeld|Grey's Anatomy|Ted Lasso|Sherlock|Doctor Who|Peppa Pig|Bluey|The Great British Bake Off|
        Strictly Come Dancing|Dark|Money Heist|Squid Game|The Bear|Frasier|Columbo|Midsomer Murders|Fleabag|
        Schitt's Creek|The Sopranos|The Wire|Mad Men|Normal People|Derry Girls|Gilmore Girls|Killing Eve|Borgen|
        The Bridge|Call the Midwife|Emily in Paris|Bridgerton|The Last of Us|Severance|Shōgun|Love Island|Top Gear|
        Countdown|Jeopardy!|Wheel of Fortune|University Challenge|Antiques Roadshow|Gardeners' World""",
        "holiday": """Christmas|Christmas Eve|Easter|Ramadan|Eid|Eid al-Fitr|Diwali|Hanukkah|Thanksgiving|Halloween|
        New Year's Eve|New Year's Day|Black Friday|Cyber Monday|Valentine's Day|Mother's Day|Father's Day|
        St Patrick's Day|Pentecost|Lent|Chinese New Year|Lunar New Year|Yom Kippur|Passover|Bastille Day|
        Independence Day|Boxing Day|Midsummer|Carnival|Oktoberfest|Pride Month|Labor Day|Memorial Day|King's Day|
        Easter Monday|Good Friday|Holi|Nowruz|Rosh Hashanah|Advent|Whitsun|Burns Night|Guy Fawkes Night|
        Día de los Muertos|Sinterklaas|St. Nicholas Day|Veterans Day|Remembrance Sunday|Canada Day|Australia Day""",
        "disease": """Crohn's disease|Lyme disease|Parkinson's disease|Parkinson's|Alzheimer's|Hodgkin lymphoma|
        Down syndrome|Asperger syndrome|Tourette syndrome|Huntington's disease|Graves' disease|Hashimoto's|
        Bell's palsy|Raynaud's|Cushing's syndrome|Addison's disease|multiple sclerosis|type 2 diabetes|type 1 diabetes|
        asthma|eczema|COVID-19|COVID|the flu|chickenpox|measles|shingles|migraine|tonsillitis|an ear infection|
        hay fever|coeliac disease|celiac disease|ADHD|IBS|gout|arthritis|bronchitis|pneumonia|glandular fever|
        hand, foot and mouth disease|croup|scarlet fever|Kawasaki disease|Ménière's disease|Sjögren's syndrome|
        Lou Gehrig's disease|Guillain-Barré syndrome|Osgood-Schlatter disease|RSV|strep throat|long COVID|psoriasis|
        sleep apnoea|a UTI|conjunctivitis|head lice|thrush|vertigo|sciatica|plantar fasciitis|tinnitus|dementia""",
        "drug": """Ibuprofen|Paracetamol|Ozempic|Calpol|Nurofen|Tylenol|Advil|Aspirin|amoxicillin|Ventolin|Lipitor|
        metformin|omeprazole|sertraline|Zyrtec|Claritin|Piriton|Benadryl|Wegovy|Humira|Eliquis|levothyroxine|Xanax|
        melatonin|Dafalgan|Voltaren|Mounjaro|insulin|prednisolone|Gaviscon|Imodium|Sudafed|Lemsip|Strepsils|
        Canesten|EpiPen|Ritalin|Concerta|Prozac|Lexapro|Plavix|warfarin|ramipril|amlodipine|atorvastatin|Movicol|
        Piriteze|Dioralyte|Calprofen|hydrocortisone cream|penicillin|flucloxacillin|doxycycline|the pill|Yasmin|
        Microgynon|Mirena|vitamin D|iron tablets|folic acid|Gabapentin|tramadol|codeine|Co-codamol|Otrivine""",
        "petdrug": """Apoquel|Metacam|Bravecto|Frontline|NexGard|Drontal|Advocate|Cytopoint|Simparica|Milbemax|Loxicom|
        Vetmedin|Rimadyl|Seresto collar|Hill's i/d|Royal Canin Renal""",
        "party": """Labour|the Conservatives|the Lib Dems|the Greens|the SPD|the CDU|the Democrats|Fine Gael|Sinn Féin|
        Fianna Fáil|Podemos|the SNP|Plaid Cymru|the Liberals|the NDP|Reform UK|the Social Democrats|Volt|independents""",
        "prize": """the Booker Prize|the Costa Book Award|the Pulitzer Prize|the Prix Goncourt|the Women's Prize for Fiction|
        the Nobel Prize|the Hugo Award|the Carnegie Medal|the International Booker|the Orwell Prize|an Emmy|a BAFTA|
        a Grammy|the Palme d'Or|a Golden Globe|the Mercury Prize|the Turner Prize|the Stirling Prize""",
        "weekday": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
        "month": "January|February|March|April|May|June|July|August|September|October|November|December",
        "nat": """British|American|Irish|German|French|Italian|Spanish|Portuguese|Dutch|Belgian|Polish|Czech|Hungarian|
        Romanian|Croatian|Greek|Turkish|Swedish|Norwegian|Danish|Finnish|Estonian|Latvian|Lithuanian|Ukrainian|
        Russian|Chinese|Japanese|Korean|Vietnamese|Thai|Filipino|Indonesian|Indian|Pakistani|Nigerian|Ghanaian|Kenyan|
        Ethiopian|South African|Brazilian|Mexican|Argentinian|Colombian|Canadian|Australian|Kiwi|Moroccan|Egyptian|
        Lebanese|Iranian|Israeli|Scottish|Welsh|Swiss|Austrian|Icelandic|Peruvian|Chilean""",
        "lang": """English|French|German|Spanish|Italian|Portuguese|Dutch|Polish|Czech|Hungarian|Romanian|Greek|Turkish|
        Swedish|Norwegian|Danish|Finnish|Arabic|Farsi|Hebrew|Russian|Ukrainian|Mandarin|Cantonese|Japanese|Korean|
        Vietnamese|Thai|Tagalog|Hindi|Tamil|Bengali|Urdu|Punjabi|Yoruba|Igbo|Hausa|Swahili|Amharic|Zulu|Afrikaans|
        Welsh|Irish|Catalan|Basque|Sign Language|BSL|ASL""",
        "religion": """Catholic|Protestant|Anglican|Methodist|Baptist|Lutheran|Orthodox|Muslim|Jewish|Hindu|Buddhist|
        Sikh|Quaker|Mormon|Pentecostal|Evangelical|Presbyterian|agnostic|atheist|Jain|Bahá'í""",
        "job": """Chief Executive Officer|Head Nurse|Senior Software Engineer|Project Manager|Head of Marketing|
        Sales Director|Primary School Teacher|Financial Controller|Barista|Paralegal|Chief Financial Officer|
        Product Owner|Data Scientist|Registered Nurse|General Practitioner|Store Manager|Customer Success Manager|
        HR Business Partner|Operations Lead|Art Director|Sous Chef|Head Chef|Editor-in-Chief|Managing Director|
        Vice President of Engineering|Deputy Head|Treasurer|Secretary|Chairperson|Office Manager|UX Designer|
        Account Executive|Civil Engineer|Pharmacist|Physiotherapist|Social Worker|Logistics Coordinator|
        Marketing Assistant|Junior Developer|Research Fellow|Postdoctoral Researcher|Lecturer|Head of Sales EMEA|
        Chief Technology Officer|COO|CEO|CFO|CTO|Team Lead|Scrum Master|Electrician|Plumber|Carpenter|Midwife|
        Veterinary Nurse|Dental Hygienist|Bookkeeper|Estate Agent|Realtor|Flight Attendant|Police Officer|Firefighter|
        Head Teacher|Youth Pastor|Choir Director|Volunteer Coordinator|Communications Officer|Policy Advisor""",
        "hashtag": """#MondayMotivation|#tbt|#ThrowbackThursday|#blessed|#FridayFeeling|#foodie|#travelgram|#OOTD|#NoFilter|
        #GameDay|#WorldCup|#BookTok|#WFH|#Caturday|#SundayFunday|#fitness|#instafood|#wanderlust|#ClimateAction|
        #BlackFriday|#Eurovision|#NewYearNewMe|#GBBO|#COYS|#YNWA|#Oscars|#MentalHealthAwareness|#selfcare|#veganuary|
        #Wimbledon|#marathon|#gardening|#dogsofinstagram|#catsofinstagram|#proudmum|#proudparent|#firstday|#goals|
        #WeddingDay|#sunset|#coffee|#brunch|#roadtrip|#hiking|#bookstagram|#amwriting|#OpenToWork|#hiring|#vote|
        #shoplocal|#smallbusiness|#StrictlyComeDancing|#FACup|#rugby|#F1|#NBAFinals|#Glastonbury|#PrideMonth""",
        "emoji": "😂|❤️|🙏|😭|🔥|✨|🎉|😍|👏|💪|😅|🙄|😤|🥳|☕|🌞|🍕|⚽|🏃‍♀️|👶|💍|🐶|🐱|✈️|🏖️|😬|🤞|💔|👀|🎂|🍷|🌧️|🙌|🤷‍♂️|😴|🤯",
        "dish": """carbonara|pad thai|ramen|fish and chips|tacos al pastor|paella|a margherita pizza|moussaka|pho|
        biryani|jollof rice|pierogi|goulash|schnitzel|croissants|dim sum|a Sunday roast|bibimbap|falafel|shakshuka|
        sushi|poutine|pastel de nata|tiramisu|cheesecake|banana bread|a flat white|lasagne|risotto|tapas|mezze|
        brisket|bao buns|injera|bunny chow|feijoada|ceviche|khachapuri|smørrebrød|cinnamon buns""",
        "sport": """football|rugby|cricket|tennis|basketball|hockey|netball|padel|badminton|swimming|cycling|athletics|
        volleyball|handball|baseball|golf|judo|table tennis|rowing|climbing|skiing|triathlon|ultimate frisbee""",
        "instrument": "guitar|bass|drums|keys|piano|violin|cello|saxophone|trumpet|vocals|backing vocals|synths|percussion",
        "pet": "dog|cat|puppy|kitten|rabbit|guinea pig|spaniel|labrador|cockapoo|beagle|tabby|greyhound|parrot|tortoise",
        "kid": "son|daughter|little boy|little girl|toddler|baby|teenager|eldest|youngest",
        "rel": "mum|mom|dad|grandma|grandad|grandfather|grandmother|mother-in-law|father-in-law|aunt|uncle|husband|wife|partner",
        "relp": "mother|father|mum|dad|grandmother|grandfather|nan|gran|aunt|uncle|mother-in-law",
        "adj": "amazing|lovely|brilliant|great|fantastic|decent|okay|disappointing|terrible|awful|gorgeous|cosy|tiny|huge",
        "shout": """OMG|SO GOOD|NEVER AGAIN|WORST SERVICE EVER|BEST DAY EVER|I CAN'T EVEN|LET'S GO|SO PROUD|WHAT A GAME|
        DO NOT BUY|HIGHLY RECOMMEND|THANK YOU|AVOID|FINALLY|UNBELIEVABLE|NOT HAPPY|YES YES YES|ABSOLUTELY NOT""",
        "weather": "pouring|freezing|boiling|grey|sunny|windy|foggy|snowing|humid|glorious",
        "color": "red|blue|black|white|grey|green|navy|silver|beige|yellow|burgundy",
        "topic": """budget|Q3 results|the new website|the office move|onboarding|the summer fair|the bake sale|parking|
        the roadmap|hiring|the audit|the product launch|the newsletter|fundraising|the Christmas party|the rota|
        the renovation|the kit order|the away trip|the AGM|the quiz night|safeguarding|the school trip|the website""",
    }.items()
}

GREET = _w("Hi|Hello|Hey|Dear|Good morning|Hiya|Morning|Hi there|Hallo|Bonjour|Hola|Ciao|Greetings")
SIGNOFF = _w(
    "Best|Best regards|Kind regards|Regards|Cheers|Thanks|Many thanks|Thank you|Warm regards|All the best|"
    "Talk soon|Love|Speak soon|BW|Thx|Sincerely|Yours sincerely|Yours faithfully|Groetjes|Saludos|"
    "Mit freundlichen Grüßen"
)

# =====================================================================================================================
# Named venues (LOCATION) and their parts
# =====================================================================================================================

VW = _w(
    "Oak|Maple|Willow|Riverside|Hillcrest|Lakeside|Meadow|Harbour|Greenfield|Cedar|Elm|Birch|Sunnyvale|Fairview|"
    "Kingsway|Highfield|Brookside|Ashford|Larkspur|Rosewood|Fernhill|Beechwood|Stonebridge|Millbrook|Northgate|"
    "Westfield|Eastbrook|Bayview|Pinecrest|Silverdale|Oakwood|Foxhall|Hollybank|Kingfisher|Heron|Juniper|"
    "Primrose|Thornbury|Clearwater|Redwood|Marigold|Sandford|Ravenscroft|Elmhurst|Whitecliff|Bramble"
)
HOTELW = _w(
    "Bellevue|Europa|Astoria|Continental|Metropole|Splendid|Miramar|Belvedere|Alpenrose|Seaview|Harbourside|"
    "Majestic|Imperial|Regina|Excelsior|Paradiso|Lakeside|Bristol|Palace|Panorama|Edelweiss|Vista Mar|Sol|"
    "Aurora|Atlantic|Ambassador|Windsor|Beau Rivage|Villa Flora|Casa Blanca"
)
SAINTS = _w(
    "Mary|John|Peter|Patrick|Michael|Anne|Joseph|Luke|Andrew|Thomas|George|Bride|Columba|Catherine|Paul|"
    "Margaret|James|Stephen|Nicholas|Martin|Brigid|David|Aidan|Teresa|Francis|Jude"
)
FAMOUS_PATRONS = _w(
    "Victor Hugo|Marie Curie|Albert Einstein|John F. Kennedy|Nelson Mandela|Goethe|Leonardo da Vinci|"
    "Jules Verne|Anne Frank|Martin Luther King Jr.|Astrid Lindgren|Rosa Parks|Galileo Galilei|"
    "Sophie Scholl|Florence Nightingale|Mahatma Gandhi"
)
VENUE_PATTERNS: dict[str, list[str]] = {
    k: _w(v)
    for k, v in {
        "HOTEL": """Hotel {hw}|The {hw} Hotel|{vw} Inn|Grand Hotel {hw}|{vw} Guesthouse|{sur} House|The {vw} Lodge|
        {hw} Suites|Hostel {hw}|Pension {sur}|the Ritz|the Savoy|Hotel Adlon|Raffles Hotel|the Plaza|Hotel Sacher|
        {vw} Bed & Breakfast|Casa {hw}|Villa {hw}|{hw} Resort & Spa|The {vw} Arms Hotel|Hotel {city}|{city} Marriott""",
        "RESTO": """Trattoria da {fn}|Café {hw}|Le Petit {hw}|The {vw} Kitchen|{sur}'s Diner|Casa {fn}|{vw} Sushi|
        Bistro {hw}|the Red Lion|the Golden Dragon|Taj Mahal Curry House|La {hw}|Brasserie {hw}|{sur}'s Bakery|
        the {vw} Tavern|Osteria {hw}|Pizzeria {fn}|Mama {fn}'s|{fn}'s Kitchen|the Blue Elephant|Dishoom|Noma|
        Wok {hw}|Taverna {hw}|the Fat Duck|{vw} Smokehouse|Chez {fn}|Warung {fn}|{vw} Coffee House|Gasthaus {sur}""",
        "SCHOOL": """{saint} Primary School|St {saint}'s Catholic School|{vw} Academy|{sur} High School|{vw} Elementary|
        Lycée {patron}|Gymnasium {vw}|{city} Grammar School|{vw} Middle School|{vw} Montessori|{patron} School|
        {vw} Primary|{vw} Nursery|{vw} Secondary School|St {saint}'s College|{vw} Kindergarten""",
        "UNI": """University of {city}|{city} University|Trinity College Dublin|Universidad de {city}|Universität {city}|
        Technische Universität München|the Sorbonne|Politecnico di Milano|McGill|ETH Zurich|KU Leuven|
        {city} Institute of Technology|Imperial College London|UCL|MIT|UCLA|Harvard|Stanford|Oxford Brookes|
        King's College London|Sciences Po|Bocconi|Jagiellonian University|Charles University|Uppsala University|
        the University of Lagos|Makerere University|IIT Bombay|Seoul National University|the University of Tokyo""",
        "HOSP": """St {saint}'s Hospital|{city} General Hospital|Royal {city} Infirmary|Klinikum {city}|Hôpital Saint-{saint}|
        Mount Sinai|the Charité|{vw} Medical Centre|{vw} Children's Hospital|{vw} Health Centre|{vw} Surgery|
        {vw} Veterinary Clinic|{vw} Pharmacy|{city} Children's Hospital|Great Ormond Street|Addenbrooke's|
        Massachusetts General|the John Radcliffe|{vw} Family Practice|{vw} Care Home|{vw} Hospice|{vw} Vets""",
        "PARK": """Central Park|Hyde Park|{vw} Park|Parc {hw}|Vondelpark|Tiergarten|Retiro Park|the Englischer Garten|
        Phoenix Park|Stanley Park|{vw} Nature Reserve|{vw} Woods|{vw} Common|{vw} Beach|{vw} Lake|Regent's Park|
        Golden Gate Park|Parque del Retiro|Park Güell|Lumpini Park|Ueno Park|{vw} Playground|{vw} Allotments""",
        "STADIUM": """Wembley Stadium|Old Trafford|Camp Nou|the Allianz Arena|Anfield|Madison Square Garden|{vw} Arena|
        {vw} Stadium|{sur} Field|Croke Park|the Stade de France|San Siro|the MCG|the Maracanã|Twickenham|
        Murrayfield|Fenway Park|Wrigley Field|the Bernabéu|{vw} Recreation Ground|{vw} Leisure Centre|{vw} Lido""",
        "CHURCH": """St {saint}'s Church|St {saint}'s|Grace Community Church|Holy Trinity|the Al-Noor Mosque|
        Beth Shalom Synagogue|{vw} Baptist Church|{vw} Methodist Chapel|Our Lady of Lourdes|Sacred Heart|
        Christ Church|the Sri Venkateswara Temple|{vw} Gurdwara|St {saint}'s Cathedral|{vw} Kingdom Hall|
        Notre-Dame|{vw} Parish Hall|the East London Mosque|Emmanuel Church""",
        "VENUE": """the Royal Albert Hall|the O2|{vw} Theatre|the Roundhouse|Carnegie Hall|{vw} Gallery|the Louvre|
        the Rijksmuseum|Tate Modern|the {vw} Arms|{vw} Brewery|{vw} Barn|{vw} Manor|{vw} Castle|{vw} Hall|
        {vw} Community Centre|{city} Public Library|{vw} Village Hall|{vw} Golf Club|{vw} Yacht Club|
        the {vw} Social Club|{vw} Conference Centre|the ExCeL|{vw} Cinema|the Barbican|the Sydney Opera House|
        the Concertgebouw|the Paradiso|{vw} Farm|{vw} Marina|{vw} Shopping Centre|{vw} Retail Park|
        the Museum of {city}|{vw} House|{vw} Mill|{vw} Orangery|the {vw} Ballroom|{vw} Vineyard""",
        "STUDIO": """Abbey Road Studios|Electric Lady Studios|Hansa Studios|{vw} Studios|Sun Studio|RAK Studios|
        Real World Studios|Sound City|{vw} Sound|Studio {hw}|{vw} Recording Studio|Rockfield Studios""",
        "AIRPORT": """Heathrow|Gatwick|JFK|Schiphol|Charles de Gaulle|Frankfurt Airport|Changi|Dublin Airport|O'Hare|
        Barajas|Fiumicino|Istanbul Airport|Narita|Heathrow Terminal 5|Stansted|Manchester Airport|Lisbon Airport|
        Dubai International|Kastrup|Arlanda|Vantaa|LAX|Pearson|Brussels Airport|Vienna Airport""",
        "FSTREET": """Oxford Street|the Champs-Élysées|Via del Corso|Baker Street|Kurfürstendamm|Las Ramblas|Abbey Road|
        Nevsky Prospekt|Princes Street|Grafton Street|Bourbon Street|Lombard Street|Carnaby Street|Portobello Road|
        Nyhavn|Karl Johans gate|Váci utca|Unter den Linden|Rue de Rivoli|Strøget|Avenida Paulista|Rua Augusta""",
    }.items()
}

MONTHS = {
    "en": _w("January|February|March|April|May|June|July|August|September|October|November|December"),
    "de": _w("Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"),
    "fr": _w("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"),
    "es": _w("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"),
    "pt": _w("janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"),
    "it": _w("gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"),
    "nl": _w("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"),
    "sv": _w("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"),
    "pl": _w("stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"),
    "tr": _w("Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık"),
    "fi": _w(
        "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|"
        "lokakuuta|marraskuuta|joulukuuta"
    ),
    "hu": _w("január|február|március|április|május|június|július|augusztus|szeptember|október|november|december"),
    "cs": _w("ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"),
    "ro": _w("ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie"),
    "id": _w("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"),
}
PROFILE_LANG = {
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "FR": "fr",
    "BE": "nl",
    "NL": "nl",
    "ES": "es",
    "MX": "es",
    "AR": "es",
    "CO": "es",
    "PT": "pt",
    "BR": "pt",
    "IT": "it",
    "SE": "sv",
    "NO": "sv",
    "DK": "sv",
    "PL": "pl",
    "TR": "tr",
    "FI": "fi",
    "HU": "hu",
    "CZ": "cs",
    "SK": "cs",
    "RO": "ro",
    "ID": "id",
}
WEEKDAYS = _w("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
MDAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

TRANSLIT = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "ð": "d",
        "œ": "oe",
        "ə": "e",
    }
)
LATIN_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-]+$")


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(TRANSLIT))
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s: str, sep: str = "") -> str:
    return re.sub(r"[^a-z0-9]+", sep, ascii_fold(s).lower()).strip(sep)


def weekday_of(y: int, m: int, d: int) -> int:
    """0 = Monday."""
    return datetime.date(y, m, d).weekday()


def ordinal(d: int) -> str:
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def fill_pattern(r: random.Random, pat: str) -> str:
    """d digit, N non-zero digit, L upper-case letter (other characters literal)."""
    out = []
    for c in pat:
        if c == "d":
            out.append(str(r.randrange(10)))
        elif c == "N":
            out.append(str(r.randrange(1, 10)))
        elif c == "L":
            out.append(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        else:
            out.append(c)
    return "".join(out)


def luhn_complete(digits: str) -> str:
    tot = 0
    for i, c in enumerate(reversed(digits)):
        v = int(c)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return digits + str((10 - tot % 10) % 10)


IBAN_BBAN = {
    "DE": "dddddddddddddddddd",
    "GB": "LLLLdddddddddddddd",
    "FR": "dddddddddddddddddddddd d".replace(" ", ""),
    "NL": "LLLLdddddddddd",
    "ES": "dddddddddddddddddddd",
    "IT": "Ldddddddddddddddddddddd",
    "BE": "dddddddddddd",
    "PL": "dddddddddddddddddddddddd",
    "PT": "ddddddddddddddddddddd",
    "AT": "dddddddddddddddd",
    "CH": "ddddddddddddddddd",
    "IE": "LLLLdddddddddddddd",
    "FI": "dddddddddddddd",
    "SE": "dddddddddddddddddddd",
    "DK": "dddddddddddddd",
    "NO": "ddddddddddd",
    "CZ": "dddddddddddddddddddd",
    "HU": "dddddddddddddddddddddddd",
    "RO": "LLLLdddddddddddddddd",
    "HR": "ddddddddddddddddd",
    "SI": "ddddddddddddddd",
    "TR": "dddddddddddddddddddddddd",
    "LT": "dddddddddddddddd",
    "EE": "dddddddddddddddd",
    "LV": "LLLLddddddddddddd",
}


def make_iban(r: random.Random, cc: str, grouped: bool) -> str:
    bban = fill_pattern(r, IBAN_BBAN[cc])
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    check = 98 - int(num) % 97
    s = f"{cc}{check:02d}{bban}"
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if grouped else s


PROFILE_IBAN = {
    "US": "GB",
    "UK": "GB",
    "IE": "IE",
    "AU": "GB",
    "CA": "FR",
    "IN": "GB",
    "DE": "DE",
    "AT": "AT",
    "CH": "CH",
    "FR": "FR",
    "NL": "NL",
    "BE": "BE",
    "IT": "IT",
    "ES": "ES",
    "PT": "PT",
    "BR": "PT",
    "MX": "ES",
    "AR": "ES",
    "CO": "ES",
    "PL": "PL",
    "CZ": "CZ",
    "SK": "CZ",
    "HU": "HU",
    "RO": "RO",
    "HR": "HR",
    "SI": "SI",
    "FI": "FI",
    "SE": "SE",
    "NO": "NO",
    "DK": "DK",
    "BALTIC": "LT",
    "TR": "TR",
}

# national ID formats per profile (patterns; Y/M/D are replaced by a birth date)
NATID = {
    "US": "ddd-dd-dddd|ddd dd dddd",
    "UK": "LL dd dd dd L|LLddddddL|ddd ddd dddd",
    "IE": "dddddddLL|dddddddL",
    "AU": "ddd ddd ddd",
    "CA": "ddd ddd ddd|ddd-ddd-ddd",
    "IN": "dddd dddd dddd|LLLLLddddL",
    "DE": "dd ddd ddd ddd|LddLLLLLL",
    "AT": "dddd DDMMYY",
    "CH": "756.dddd.dddd.dd",
    "FR": "d dd dd dd ddd ddd dd",
    "NL": "ddddddddd|dddd.dd.ddd",
    "BE": "YY.MM.DD-ddd.dd",
    "IT": "LLLLLLYYLDDLdddL",
    "ES": "ddddddddL|LdddddddL",
    "PT": "ddddddddd|dddddddd d LLd",
    "BR": "ddd.ddd.ddd-dd|dd.ddd.ddd-d",
    "MX": "LLLLYYMMDDLLLLLLdd",
    "AR": "dd.ddd.ddd",
    "CO": "d.ddd.ddd.ddd",
    "PL": "YYMMDDddddd",
    "CZ": "YYMMDD/dddd",
    "SK": "YYMMDD/dddd",
    "HU": "ddd-ddd-ddd",
    "RO": "dYYMMDDdddddd",
    "HR": "ddddddddddd",
    "SI": "DDMMdYYddddd",
    "FI": "DDMMYY-dddL",
    "SE": "YYMMDD-dddd|19YYMMDD-dddd",
    "NO": "DDMMYY ddddd",
    "DK": "DDMMYY-dddd",
    "BALTIC": "dYYMMDDdddd",
    "TR": "ddddddddddd",
    "VN": "dddddddddddd",
    "ID": "dddddddddddddddd",
    "PH": "dddd-dddd-dddd",
    "NG": "ddddddddddd",
    "KE": "dddddddd",
    "ZA": "YYMMDDddddddd",
    "JP": "dddd dddd dddd",
    "KR": "YYMMDD-ddddddd",
    "CN": "dddddd19YYMMDDdddL",
    "TH": "d-dddd-ddddd-dd-d",
    "MENA": "dddddddddddddd|784-19YY-ddddddd-d",
}

# =====================================================================================================================
# Pools built from faker (deterministic for the seed), persons
# =====================================================================================================================

# (it_IT is left out: its city list is hash-ordered, so its samples differ between interpreter runs)
FAKER_REAL_CITIES = set(
    _w(
        "fi_FI|cs_CZ|sk_SK|pl_PL|hr_HR|sl_SI|de_DE|de_AT|de_CH|nl_NL|nl_BE|sv_SE|no_NO|da_DK|"
        "zu_ZA|en_IN|pt_PT|ro_RO|es_CO|es_AR|id_ID"
    )
)


def _clean(items) -> list[str]:
    out: list[str] = []
    seen = set()
    for x in items:
        x = str(x).strip()
        if x and LATIN_RE.match(x) and not x.endswith((".", "-", "'")) and x not in seen:
            seen.add(x)
            out.append(x)
    return out


class Pools:
    def __init__(self, seed: int) -> None:
        from faker import Faker

        self.names: dict[str, tuple[list[str], list[str], list[str]]] = {}
        for i, loc in enumerate(FAKER_NAME_LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1009 + i)
            m = _clean(f.first_name_male() for _ in range(250))
            fe = _clean(f.first_name_female() for _ in range(250))
            la = _clean(f.last_name() for _ in range(400))
            if len(m) >= 5 and len(fe) >= 5 and len(la) >= 5:
                self.names[loc] = (m, fe, la)
        for g, t in OWN_NAMES.items():
            self.names[g] = t
        self.streets: dict[str, list[str]] = {}
        self.fcities: dict[str, list[str]] = {}
        for j, (code, prof) in enumerate(PROFILES.items()):
            fk = prof["fk"]
            if not fk:
                continue
            f = Faker(fk)
            f.seed_instance(seed * 7919 + j)
            self.streets[code] = _clean(f.street_name() for _ in range(200))
            if fk in FAKER_REAL_CITIES:
                self.fcities[code] = _clean(f.city() for _ in range(150))
        # global name-group weights
        groups = list(self.names)
        wts = []
        for g in groups:
            w = 3.0 if g.startswith("en_") else 1.0 if "_" in g or g == "sw" else 1.6
            wts.append(w)
        self.groups, self.group_w = groups, wts


class Person:
    def __init__(self, first: str, last: str, sex: str, group: str, middle: str) -> None:
        self.first, self.last, self.sex, self.group, self.middle = first, last, sex, group, middle
        self.full_cache = ""
        self.nick = ""
        self.email = ""
        self.handle = ""
        self.user = ""
        self.url = ""


class Piece:
    __slots__ = ("text", "typ")

    def __init__(self, text: str, typ: str | None = None) -> None:
        self.text, self.typ = text, typ

    def __repr__(self) -> str:
        return f"Piece({self.text!r}, {self.typ})"


def L(text: str) -> Piece:
    return Piece(text)


EMAIL_DOMAINS = _w(
    "gmail.com|gmail.com|gmail.com|yahoo.com|outlook.com|hotmail.com|hotmail.co.uk|icloud.com|"
    "proton.me|aol.com|web.de|gmx.de|gmx.net|orange.fr|free.fr|libero.it|wp.pl|o2.pl|seznam.cz|"
    "freemail.hu|yahoo.co.in|rediffmail.com|uol.com.br|terra.com.br|hotmail.es|telenet.be|ziggo.nl|"
    "kpnmail.nl|bluewin.ch|live.se|online.no|mail.dk|inbox.lv|btinternet.com|sky.com|eircom.net|"
    "bigpond.com|shaw.ca|yandex.com|naver.com|qq.com|163.com|yahoo.co.jp|mail.com|fastmail.com"
)
BIZ_WORDS = _w(
    "northwind|acme-logistics|bluepeak|greenleaf-dental|harbourview|oakridge-partners|lumen-studio|"
    "riverbend-vets|brightside|kestrel-legal|alpine-travel|sunflower-nursery|fjordline-consult|"
    "stonegate-homes|cedar-accounting|mosaic-design|pixelforge|lakeshore-realty|summit-physio|"
    "marigold-events|ironbridge|cobalt-it|willowtree-school|starling-media|hollis-and-grant"
)
TLDS = _w("com|com|co.uk|de|fr|nl|it|es|pl|ie|com.au|ca|io|org|net|ch|at|be|se|fi|dk|no|cz|hu|pt|com.br|in|co.za")

# =====================================================================================================================
# A text in the making: its cast, its setting, its slots
# =====================================================================================================================

SLOT_RE = re.compile(r"\{([^{}]*)\}")
MARK_RE = re.compile("\x00(\\d+)\x00")
PSLOT_RE = re.compile(r"^([A-Z][A-Z_]*?)(\d?)(?::([A-Za-z0-9_]+))?$")
FSLOT_RE = re.compile(r"^([A-Za-z][a-z_]*?)(\d?)(?::([A-Za-z0-9_]+))?$")
FAM_RE = re.compile(r"\{fam:(\d):(\d)\}")
ABBR_MONTHS = _w("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
EDGE_START_OK = set("@+(#")
EDGE_END_OK = set(")")


class Doc:
    def __init__(self, idx: int, seed: int, pools: Pools, genre: str) -> None:
        self.r = r = random.Random(f"general|{seed}|{idx}")
        self.pools, self.genre, self.idx = pools, genre, idx
        codes = list(PROFILES)
        self.prof = PROFILES[r.choices(codes, [PROFILES[c]["w"] for c in codes])[0]]
        self.code = self.prof["code"]
        self.lang = PROFILE_LANG.get(self.code)
        self.mdy = self.prof["mdy"] or r.random() < 0.04
        self.people: dict[int, Person] = {}
        self.links: dict[int, int] = {}
        self.sexes: dict[int, str] = {}
        self.store: list[list[Piece]] = []
        self.home = self._city()
        self.stats: Counter = Counter()
        self.date_style = r.choice(["long", "abbr", "num", "ord", "iso", "mixed", "mixed"])
        self.year0 = r.choice([2019, 2021, 2022, 2023, 2024, 2024, 2025, 2025, 2026])

    # -- people -----------------------------------------------------------------------------------------------------
    def person(self, k: int) -> Person:
        if k in self.people:
            return self.people[k]
        r, pools = self.r, self.pools
        if k in self.links:
            base = self.person(self.links[k])
            group = base.group
        else:
            base = None
            if k > 1 and 1 in self.people and r.random() < 0.35:
                group = self.people[1].group
            elif r.random() < 0.6:
                group = r.choice(self.prof["names"])
            else:
                group = r.choices(pools.groups, pools.group_w)[0]
            if group not in pools.names:
                group = "en_US"
        male, female, sur = pools.names[group]
        sex = self.sexes.get(k) or r.choice("MF")
        first = r.choice(male if sex == "M" else female)
        last = base.last if base else r.choice(sur)
        middle = r.choice(male + female)[0] if r.random() < 0.5 else ""
        p = Person(first, last, sex, group, middle)
        nicks = NICKS.get(first)
        if nicks and r.random() < 0.8:
            p.nick = r.choice(_w(nicks))
        elif r.random() < 0.25:
            p.nick = first[0] + last[0] if first[0].isupper() and last[0].isupper() else r.choice(GENERIC_NICKS)
        elif len(first) > 5 and r.random() < 0.5 and re.match(r"^[A-Za-z]+$", first):
            p.nick = first[:3] if first[2] not in "aeiou" else first[:4]
        else:
            p.nick = r.choice(GENERIC_NICKS)
        fa, la = slug(first), slug(last)
        yy = str(r.randrange(60, 100) if r.random() < 0.5 else r.randrange(0, 24)).zfill(2)
        p.email = (
            r.choice(
                [
                    f"{fa}.{la}",
                    f"{fa[0]}{la}",
                    f"{fa}{la}{yy}",
                    f"{fa}_{la}",
                    f"{fa}.{la[:1]}",
                    f"{la}.{fa}",
                    f"{fa}{r.randrange(1, 999)}",
                    f"{fa[0]}.{la}",
                    f"{la}{fa[0]}",
                ]
            )
            + "@"
            + (r.choice(EMAIL_DOMAINS) if r.random() < 0.7 else f"{r.choice(BIZ_WORDS)}.{r.choice(TLDS)}")
        )
        p.handle = "@" + r.choice(
            [
                f"{fa}{la}",
                f"{fa}_{la}",
                f"{fa}{yy}",
                f"{fa}.{la[:3]}",
                f"the{fa}",
                f"{fa}_{la[:1]}",
                f"{slug(p.nick) or fa}{yy}",
                f"{first.replace(' ', '')}{last[:1]}_",
                f"{fa}x{la}",
                f"real{first.replace(' ', '')}{last.replace(' ', '')}",
            ]
        )
        p.handle = re.sub(r"[^@A-Za-z0-9_.]", "", p.handle)[:20].rstrip(".")
        p.user = r.choice(
            [
                f"{fa}{la[:1]}{yy}",
                f"{la}_{fa[:1]}",
                f"{fa}_{r.randrange(10, 9999)}",
                f"{slug(p.nick) or fa}{r.choice(['', '_', '.'])}{la[:4]}",
                f"{fa.capitalize()}{la.capitalize()}",
            ]
        )
        p.url = r.choice(
            [
                f"https://www.linkedin.com/in/{fa}-{la}-{r.randrange(16**6):06x}",
                f"linkedin.com/in/{fa}{la}",
                f"https://instagram.com/{p.handle[1:]}",
                f"www.{fa}{la}.com",
                f"https://{fa}-{la}.{r.choice(TLDS)}",
                f"https://{fa}{la}photography.com",
                f"https://github.com/{p.user}",
                f"{la}{fa}.blog",
                f"https://www.facebook.com/{fa}.{la}.{r.randrange(100, 999)}",
                f"https://x.com/{p.handle[1:]}",
                f"https://www.tiktok.com/{p.handle}",
            ]
        )
        self.people[k] = p
        return p

    def full(self, p: Person, fresh: bool = False) -> str:
        r = self.r
        if p.full_cache and not fresh and r.random() < 0.85:
            return p.full_cache
        x = r.random()
        if p.group in SURNAME_FIRST and x < 0.35:
            s = f"{p.last} {p.first}"
        elif x < 0.08 and p.middle:
            s = f"{p.first} {p.middle}. {p.last}"
        elif p.group.startswith(("es_", "pt_")) and x < 0.35:
            s = f"{p.first} {p.last} {r.choice(self.pools.names[p.group][2])}"
        elif p.group in ("en_US", "en_GB") and p.sex == "M" and x < 0.11:
            s = f"{p.first} {p.last} {r.choice(['Jr.', 'Jr.', 'III', 'Sr.'])}"
        elif x < 0.13 and p.nick and p.nick != p.first:
            s = f"{p.first} \u201c{p.nick}\u201d {p.last}" if r.random() < 0.5 else f"{p.first} '{p.nick}' {p.last}"
        elif x < 0.16 and p.middle:
            s = f"{p.first} {r.choice(self.pools.names[p.group][0 if p.middle in 'AEIOU' else 1])} {p.last}"
        else:
            s = f"{p.first} {p.last}"
        if not p.full_cache:
            p.full_cache = s
        return s

    def title(self, p: Person, formal: bool = False) -> str:
        r = self.r
        if formal:
            return r.choice(FORMAL_M if p.sex == "M" else FORMAL_F)
        return r.choice(TITLES_M if p.sex == "M" else TITLES_F)

    def initials(self, p: Person) -> str:
        r = self.r
        f0 = p.first[0].upper()
        l0 = p.last.split()[-1][0].upper() if p.last[0].islower() else p.last[0]
        return r.choice(
            [
                f"{f0}.{l0}.",
                f"{f0}{l0}",
                f"{f0}. {p.last}",
                f"{p.first} {l0}.",
                f"{f0}.{p.middle}. {p.last}" if p.middle else f"{f0}. {p.last}",
                f"{f0}{l0}",
                f"{f0}. {l0}.",
            ]
        )

    # -- places -----------------------------------------------------------------------------------------------------
    def _city(self, prof: dict | None = None) -> str:
        r = self.r
        prof = prof or self.prof
        fc = self.pools.fcities.get(prof["code"], [])
        if fc and r.random() < 0.15:
            return r.choice(fc)
        return r.choice(prof["cities"])

    def _other_prof(self) -> dict:
        codes = list(PROFILES)
        return PROFILES[self.r.choices(codes, [PROFILES[c]["w"] for c in codes])[0]]

    def city(self) -> str:
        return self._city() if self.r.random() < 0.75 else self._city(self._other_prof())

    def town(self) -> str:
        r = self.r
        prof = self.prof if r.random() < 0.8 else self._other_prof()
        fc = self.pools.fcities.get(prof["code"], [])
        pool = prof["towns"] + (fc if r.random() < 0.4 else [])
        return r.choice(pool or prof["cities"])

    def hood(self) -> str:
        prof = self.prof if self.r.random() < 0.85 else self._other_prof()
        return self.r.choice(prof["hoods"] or prof["cities"])

    def island(self) -> str:
        prof = self.prof if self.prof["islands"] and self.r.random() < 0.6 else self._other_prof()
        while not prof["islands"]:
            prof = self._other_prof()
        return self.r.choice(prof["islands"])

    def county(self) -> str:
        prof = self.prof if self.prof["counties"] else PROFILES[self.r.choice(["UK", "IE", "US"])]
        c = self.r.choice(prof["counties"])
        if prof["code"] == "IE" and self.r.random() < 0.6:
            c = self.r.choice(["County ", "Co. "]) + c
        return c

    def street(self) -> str:
        r = self.r
        x = r.random()
        if x < 0.12:
            return r.choice(VENUE_PATTERNS["FSTREET"])
        own = self.prof["streets"]
        fk = self.pools.streets.get(self.code, [])
        if own and (not fk or x < 0.55):
            return r.choice(own)
        if fk:
            return r.choice(fk)
        return r.choice(PROFILES["UK"]["streets"] + PROFILES["US"]["streets"])

    def venue(self, kind: str) -> str:
        r = self.r
        pat = r.choice(VENUE_PATTERNS[kind])
        grp = self.prof["names"][0] if self.prof["names"][0] in self.pools.names else "en_US"
        rep = {
            "{hw}": lambda: r.choice(HOTELW),
            "{vw}": lambda: r.choice(VW),
            "{sur}": lambda: r.choice(self.pools.names[grp][2]),
            "{fn}": lambda: r.choice(self.pools.names[grp][r.randrange(2)]),
            "{city}": lambda: self._city(),
            "{saint}": lambda: r.choice(SAINTS),
            "{patron}": lambda: r.choice(FAMOUS_PATRONS),
        }
        for k, f in rep.items():
            while k in pat:
                pat = pat.replace(k, f(), 1)
        return pat

    # -- addresses --------------------------------------------------------------------------------------------------
    def address(self, multiline: bool = False) -> str:
        r, c = self.r, self.code
        st = self.street()
        n = str(r.choice([r.randrange(1, 40), r.randrange(1, 200), r.randrange(1, 2500)]))
        city = self._city()
        sep = "\n" if multiline else ", "
        d = lambda p: fill_pattern(r, p)
        if c in ("US", "PH") or (c == "CA" and r.random() < 0.5):
            if c == "PH":
                return f"{n} {st}{sep}Brgy. {r.choice(VW)}, {city} {d('dddd')}"
            apt = r.choice(
                [
                    "",
                    "",
                    f", Apt {r.randrange(1, 30)}{r.choice('ABCD')}",
                    f" #{r.randrange(100, 999)}",
                    f", Suite {r.randrange(100, 900)}",
                    f", Unit {r.randrange(1, 20)}",
                ]
            )
            sts = self.prof["st"] or PROFILES["US"]["st"]
            zipc = d("ddddd") if c == "US" else d("LdL dLd")
            return f"{n} {st}{apt}{sep}{city}, {r.choice(sts)} {zipc}"
        if c == "CA":
            return f"{n} {st}{sep}{city} ({r.choice(self.prof['st'])}) {d('LdL dLd')}"
        if c == "UK":
            pc = d(r.choice(["LLd dLL", "Ld dLL", "LLdd dLL", "LdL dLL"]))
            pre = r.choice(
                [
                    "",
                    "",
                    f"Flat {r.randrange(1, 12)}, ",
                    f"{r.choice(VW)} Cottage, ",
                    f"Apartment {r.randrange(1, 40)}, ",
                ]
            )
            return f"{pre}{n} {st}{sep}{city}{r.choice([' ', ', ', sep])}{pc}"
        if c == "IE":
            return (
                f"{r.choice(['', 'Apt ' + str(r.randrange(1, 40)) + ', '])}{n} {st}{sep}{self.town()}, "
                f"{r.choice(['Co. ', 'County '])}{r.choice(self.prof['counties'])}{r.choice(['', ', ' + d('Ldd LdLd')])}"
            )
        if c == "AU":
            unit = r.choice(["", "", f"Unit {r.randrange(1, 20)}, ", f"{r.randrange(1, 20)}/"])
            return f"{unit}{n} {st}{sep}{self.hood()} {r.choice(self.prof['st'])} {d('dddd')}"
        if c == "IN":
            return (
                f"{r.choice(['Flat', 'H.No.', 'Plot', 'Door No.'])} {r.randrange(1, 900)}, {r.choice(VW)} "
                f"{r.choice(['Residency', 'Apartments', 'Enclave', 'Towers'])}{sep}{st}, {self.hood()}{sep}"
                f"{city}{r.choice([' ', ' - ', ', '])}{d('Nddddd')}"
            )
        if c in ("DE", "AT", "CH", "NL", "BE", "HR", "SI", "FI", "SE", "NO", "DK", "CZ", "SK", "PL", "IT", "BALTIC"):
            num = n + (r.choice(["", "", "a", "b", " B"]) if c in ("DE", "NL", "FI", "SE", "NO", "DK") else "")
            if c == "PL":
                return f"ul. {st} {num}{r.choice(['', '/' + str(r.randrange(1, 80))])}{sep}{d('dd-ddd')} {city}"
            if c == "IT":
                return f"{st} {num}{sep}{d('ddddd')} {city}{r.choice(['', ' (' + r.choice(self.prof['prov']) + ')'])}"
            if c in ("CZ", "SK"):
                return f"{st} {r.randrange(100, 3000)}/{num}{sep}{d('ddd dd')} {city}"
            pc = {
                "DE": "ddddd",
                "AT": "Nddd",
                "CH": "Nddd",
                "NL": "Nddd LL",
                "BE": "Nddd",
                "HR": "Ndddd",
                "SI": "Nddd",
                "FI": "ddddd",
                "SE": "ddd dd",
                "NO": "Nddd",
                "DK": "Nddd",
                "BALTIC": r.choice(["LV-Nddd", "LT-Ndddd", "Ndddd"]),
            }[c]
            pre = {"AT": "A-", "CH": "CH-", "DK": "DK-"}.get(c, "") if r.random() < 0.2 else ""
            return f"{st} {num}{sep}{pre}{d(pc)} {city}"
        if c == "FR":
            return f"{n}{r.choice(['', '', ' bis'])} {st}{sep}{d('ddd')}{d('dd')} {city}" + (
                "" if r.random() < 0.7 else f"{sep}{r.choice(['Bât. ', 'Appt ', 'Étage '])}{r.randrange(1, 9)}"
            )
        if c in ("ES", "MX", "AR", "CO"):
            if c == "ES":
                return (
                    f"{r.choice(['C/ ', 'Calle ', 'Avda. ', ''])}{st.replace('Calle ', '')} {n}, "
                    f"{r.randrange(1, 9)}º {r.choice('ABCD')}{sep}{d('ddddd')} {city}"
                )
            if c == "MX":
                return f"{st} {n}, Col. {self.hood()}{sep}{d('ddddd')} {city}"
            if c == "AR":
                return (
                    f"{st} {r.randrange(100, 5000)}, piso {r.randrange(1, 12)}{sep}{d('L')}{d('dddd')}{d('LLL')} {city}"
                )
            return f"Calle {r.randrange(1, 150)} # {r.randrange(1, 99)}-{r.randrange(1, 99)}{sep}{self.hood()}, {city}"
        if c in ("PT", "BR"):
            if c == "BR":
                return f"{st}, {n} - {self.hood()}{sep}{city} - {r.choice(self.prof['st'])}, {d('ddddd-ddd')}"
            return f"{st}, {n}, {r.randrange(1, 8)}º {r.choice(['Esq.', 'Dto.', 'Frente'])}{sep}{d('dddd-ddd')} {city}"
        if c == "HU":
            return r.choice([f"{d('Nddd')} {city}, {st} {n}.", f"H-{d('Nddd')} {city}{sep}{st} {n}"]).rstrip(".")
        if c == "RO":
            return f"Str. {st} nr. {n}, bl. {r.randrange(1, 40)}, ap. {r.randrange(1, 90)}{sep}{city} {d('dddddd')}"
        if c == "TR":
            return f"{self.hood()} Mah. {st} No: {n} D: {r.randrange(1, 30)}{sep}{d('ddddd')} {city}"
        if c == "VN":
            return f"Số {n} {st}, Phường {r.randrange(1, 15)}, Quận {r.randrange(1, 12)}{sep}{city}"
        if c == "ID":
            return f"Jl. {st.replace('Jalan ', '').replace('Jl. ', '')} No. {n}{sep}{self.hood()}, {city} {d('ddddd')}"
        if c == "NG":
            return r.choice([f"{n} {st}{sep}{self.hood()}, {city}", f"Plot {n}, {st}{sep}{self.hood()}, {city}"])
        if c == "KE":
            return r.choice(
                [
                    f"{r.choice(VW)} Court, {st}{sep}{self.hood()}, {city}",
                    f"P.O. Box {d('Ndddd')}-{d('dd')}00{sep}{city}",
                    f"House {n}, {st}{sep}{self.hood()}, {city}",
                ]
            )
        if c == "ZA":
            return (
                f"{n} {st} {r.choice(['Street', 'Road', 'Avenue'])}{sep}{self.hood()}, {city}, {d('dddd')}"
                if not self.pools.streets.get("ZA")
                else f"{n} {st}{sep}{self.hood()}, {city}{sep}{d('dddd')}"
            )
        if c == "JP":
            return (
                f"{r.randrange(1, 9)}-{r.randrange(1, 30)}-{r.randrange(1, 20)} {self.hood()}{sep}"
                f"{r.choice(['Shibuya-ku', 'Minato-ku', 'Setagaya-ku', 'Chuo-ku', 'Kita-ku', 'Sakyo-ku'])}, "
                f"{city} {d('ddd-dddd')}"
            )
        if c == "KR":
            return (
                f"{n} {r.choice(['Teheran-ro', 'Sejong-daero', 'Olympic-ro', 'Hongik-ro', 'Gangnam-daero'])}, "
                f"{self.hood()}{sep}{city} {d('ddddd')}"
            )
        if c == "CN":
            return f"Room {r.randrange(101, 2909)}, {n} {st}{sep}{self.hood()}, {city}" + r.choice(
                ["", " " + d("dddddd")]
            )
        if c == "TH":
            return f"{n}/{r.randrange(1, 99)} {st}, Soi {r.randrange(1, 60)}{sep}{self.hood()}, {city} {d('Ndddd')}"
        # MENA
        return r.choice(
            [
                f"Villa {n}, Street {r.randrange(1, 40)}{sep}{self.hood()}, {city}",
                f"{n} {st}{sep}{self.hood()}, {city}",
                f"Apartment {r.randrange(1, 40)}, {n} {st}{sep}{city}",
            ]
        )

    # -- dates ------------------------------------------------------------------------------------------------------
    def ymd(self, kind: str = "") -> tuple[int, int, int]:
        r = self.r
        if kind == "dob":
            y = r.randrange(1932, 2012)
        elif kind == "old":
            y = r.randrange(1940, 2015)
        elif kind == "future":
            y = self.year0 + r.choice([0, 0, 1])
        else:
            y = self.year0 + r.choice([0, 0, 0, -1, -1, -2, 1]) if r.random() < 0.85 else r.randrange(1995, 2027)
        m = r.randrange(1, 13)
        d = r.randrange(1, MDAYS[m - 1] + 1)
        return y, m, d

    def fmt_date(self, y: int, m: int, d: int, year: bool = True, style: str | None = None) -> str:
        r = self.r
        mn, ab = MONTHS["en"][m - 1], ABBR_MONTHS[m - 1]
        if style is None:
            if self.lang and r.random() < 0.15:
                style = "lang"
            elif self.date_style != "mixed" and r.random() < 0.6:
                style = self.date_style
            else:
                style = r.choice(["long", "abbr", "num", "ord", "iso", "num", "long"])
        if not year:
            if style == "lang" and self.lang:
                ln = MONTHS[self.lang][m - 1]
                return {
                    "de": f"{d}. {ln}",
                    "fi": f"{d}. {ln}",
                    "cs": f"{d}. {ln}",
                    "es": f"{d} de {ln}",
                    "pt": f"{d} de {ln}",
                    "hu": f"{ln} {d}",
                }.get(self.lang, f"{d} {ln}")
            opts = (
                [f"{mn} {d}", f"{ab} {d}", f"{mn} {ordinal(d)}", f"{m}/{d}"]
                if self.mdy
                else [
                    f"{d} {mn}",
                    f"{d} {ab}",
                    f"{ordinal(d)} {mn}",
                    f"{ordinal(d)} of {mn}",
                    f"{d}/{m}",
                    f"{d:02d}.{m:02d}.",
                ]
            )
            return r.choice(opts)
        if style == "lang" and self.lang:
            ln = MONTHS[self.lang][m - 1]
            return {
                "de": f"{d}. {ln} {y}",
                "fi": f"{d}. {ln} {y}",
                "cs": f"{d}. {ln} {y}",
                "es": f"{d} de {ln} de {y}",
                "pt": f"{d} de {ln} de {y}",
                "hu": f"{y}. {ln} {d}.",
                "fr": f"{'1er' if d == 1 else d} {ln} {y}",
            }.get(self.lang, f"{d} {ln} {y}")
        if style == "long":
            return f"{mn} {d}, {y}" if self.mdy else f"{d} {mn} {y}"
        if style == "abbr":
            return (
                r.choice([f"{ab} {d}, {y}", f"{ab}. {d}, {y}"])
                if self.mdy
                else r.choice([f"{d} {ab} {y}", f"{d}-{ab}-{y}"])
            )
        if style == "ord":
            return (
                f"{mn} {ordinal(d)}, {y}"
                if self.mdy
                else r.choice([f"{ordinal(d)} {mn} {y}", f"{ordinal(d)} of {mn} {y}"])
            )
        if style == "iso":
            return f"{y}-{m:02d}-{d:02d}"
        # numeric
        if self.mdy:
            return r.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{m}-{d}-{y}"])
        sep = (
            r.choice(["/", "/", ".", "-"])
            if not self.lang or self.lang not in ("de", "fi", "cs", "pl", "hu", "tr", "ro")
            else "."
        )
        return r.choice(
            [f"{d:02d}{sep}{m:02d}{sep}{y}", f"{d}{sep}{m}{sep}{y}", f"{d:02d}{sep}{m:02d}{sep}{y % 100:02d}"]
        )

    def date_pieces(self, arg: str, name: str) -> list[Piece]:
        r = self.r
        kind = {"DOB": "dob", "DATEOLD": "old", "DATEFUT": "future"}.get(name, "")
        y, m, d = self.ymd(kind)
        if name == "DOB":  # one birth date per text (formats may differ)
            if not hasattr(self, "_dob"):
                self._dob = (y, m, d)
            y, m, d = self._dob
        if name == "MONYEAR":
            ln = (
                MONTHS[self.lang][m - 1]
                if self.lang and r.random() < 0.1
                else r.choice([MONTHS["en"][m - 1], ABBR_MONTHS[m - 1]])
            )
            return [Piece(r.choice([f"{ln} {y}", f"{ln} {y}", f"{m:02d}/{y}"]), "DATE")]
        if name == "DATENY":
            return [Piece(self.fmt_date(y, m, d, year=False), "DATE")]
        if name == "DATENUM":
            return [Piece(self.fmt_date(y, m, d, style="num"), "DATE")]
        if name == "DATEISO":
            return [Piece(self.fmt_date(y, m, d, style="iso"), "DATE")]
        if name == "DATEF":
            return [Piece(self.fmt_date(y, m, d, style=r.choice(["long", "ord", "long"])), "DATE")]
        if name == "DATEW":
            wd = WEEKDAYS[weekday_of(y, m, d)]
            if r.random() < 0.3:
                wd = wd[:3]
            yr = r.random() < 0.6
            return [
                L(f"{wd}{r.choice([', ', ' '])}"),
                Piece(self.fmt_date(y, m, d, year=yr, style=r.choice(["long", "abbr", "ord", "num"])), "DATE"),
            ]
        yr = name in ("DATEY", "DOB", "DATEOLD") or r.random() < 0.7
        return [Piece(self.fmt_date(y, m, d, year=yr), "DATE")]

    # -- numbers ----------------------------------------------------------------------------------------------------
    def phone(self) -> str:
        prof = self.prof if self.r.random() < 0.88 else self._other_prof()
        return fill_pattern(self.r, self.r.choice(prof["phone"]))

    def ident(self, kind: str) -> str:
        r = self.r
        d = lambda p: fill_pattern(r, p)
        if kind == "any":
            kind = r.choice(
                ["order", "account", "customer", "member", "booking", "ticket", "policy", "invoice", "natid"]
            )
        if kind == "order":
            return d(
                r.choice(
                    [
                        "ddd-ddddddd-ddddddd",
                        "LLdddddddd",
                        "ORD-dddddd",
                        "Nddddddddd",
                        "WEB-ddddd-LL",
                        "SO-dddddd",
                        "Ndddddd",
                        "dddd-dddd-dddd",
                        "LLL-ddddd",
                    ]
                )
            )
        if kind == "account":
            return d(
                r.choice(
                    ["dddddddd", "ACC-dddd-dddd", "Nddddddddd", "dd-dd-dd dddddddd", "LL-dddddd", "dddd dddd dddd"]
                )
            )
        if kind == "customer":
            return d(r.choice(["CUST-dddddd", "Cdddddddd", "dddddd-LL", "Nddddddd", "KD-ddddd", "CN ddd ddd ddd"]))
        if kind == "member":
            return d(r.choice(["Nddddd", "MBR-ddddd", "dddd-dddd-dddd", "LLddddddd", "Ndddddddd"]))
        if kind == "booking":
            return d(r.choice(["LLLLLL", "LdLLdL", "HB-dddddddd", "Ndddddddddd", "LLLdLL", "dddd.ddd.ddd"]))
        if kind == "ticket":
            return d(r.choice(["Ndddd", "INC00ddddd", "SR-dddddd", "CS-dddddd", "Nddddd", "LLL-dddd", "REQ-ddddd"]))
        if kind == "policy":
            return d(r.choice(["POL-dddddddd", "LL-dddddd-dd", "Ndddddddddd", "LLLdddddddd", "dddd/dddd/LL"]))
        if kind == "invoice":
            return d(r.choice([f"INV-{self.year0}-dddd", "Ndddddd", "RE-dddddd", "F-dddddd", "INV/dd/dddd"]))
        if kind == "tracking":
            return d(
                r.choice(
                    [
                        "1ZLLLdddddddddddd".replace("LLL", "999") if False else "1ZdddLLddddddddddd",
                        "JDddddddddddddddddd",
                        "LLdddddddddGB",
                        "dddddddddddd",
                        "Nddddddddddddddddddddd",
                        "LLdddddddddLL",
                        "ddddLLLLddddLL",
                    ]
                )
            )
        if kind == "passport":
            return d(r.choice(["Ldddddddd", "LLddddddd", "Ndddddddd", "LdLLLddLL", "LLdddddd", "Lddddddd"]))
        if kind == "card":
            x = r.random()
            if x < 0.15:
                num = luhn_complete("3" + r.choice("47") + d("ddddddddddddd")[:12])
                return f"{num[:4]} {num[4:10]} {num[10:]}" if r.random() < 0.7 else num
            num = luhn_complete(r.choice(["4", "5" + str(r.randrange(1, 6)), "6011"]) + d("dddddddddddddd"))[:15]
            num = luhn_complete(num)
            return (
                " ".join(num[i : i + 4] for i in range(0, 16, 4))
                if r.random() < 0.6
                else "-".join(num[i : i + 4] for i in range(0, 16, 4))
                if r.random() < 0.3
                else num
            )
        if kind == "iban":
            cc = PROFILE_IBAN.get(self.code) or r.choice(list(IBAN_BBAN))
            return make_iban(r, cc if cc in IBAN_BBAN else "DE", r.random() < 0.6)
        if kind == "plate":
            prof = (
                self.prof
                if self.prof["plate"]
                else PROFILES[r.choice(["UK", "DE", "FR", "US", "NL", "IT", "ES", "PL"])]
            )
            return d(r.choice(prof["plate"]))
        if kind == "natid":
            y, m, dd = self.ymd("dob")
            pat = r.choice(_w(NATID.get(self.code, "ddddddddd")))
            pat = pat.replace("YY", f"{y % 100:02d}").replace("MM", f"{m:02d}").replace("DD", f"{dd:02d}")
            return d(pat)
        if kind == "patient":
            return d(r.choice(["ddd ddd dddd", "Ndddddd", "MRN-dddddd", "Ndddddddd", "LLL-dddddd"]))
        if kind == "employee":
            return d(r.choice(["Edddddd", "EMP-ddddd", "Nddddd", "LLdddd", "ddddddd"]))
        if kind == "student":
            return d(r.choice(["Sddddddd", "Ndddddddd", "dddddddL", "STU-dddddd", "ddLLdddd"]))
        if kind == "vin":
            return d("LLLLLdddLLdddddd").replace("I", "J") + str(r.randrange(10))
        if kind == "license":
            return d(r.choice(["LLLLLddddddLLdLL", "Lddd-dddd-dddd", "dddddddd", "Ldddddddd", "LL-ddddddd"]))
        if kind == "tax":
            return d(r.choice(["dd dddd dddd", "ddd-dd-dddd", "dddddddddd", "LLLLLddddL", "dd/ddd/ddddd"]))
        if kind == "nhs":
            return d("ddd ddd dddd")
        if kind == "loyalty":
            return d(r.choice(["dddd dddd dddd dddd", "Ndddddddddddd", "LLddddddddd"]))
        if kind == "device":
            return d(r.choice(["LLddddLLLLdd", "SN-ddddddddd", "Ndddddddddddddd"]))
        raise KeyError(kind)

    def ip(self) -> str:
        r = self.r
        if r.random() < 0.15:
            return f"2001:{r.choice(['db8', '0db8', '470', '67c'])}:{r.randrange(16**4):x}:{r.randrange(16**4):x}::{r.randrange(1, 16**4):x}"
        a = r.choice([r.randrange(1, 224), 10, 192, 172, 81, 84, 62, 213, 185, 5, 37, 91, 100])
        b = 168 if a == 192 else r.randrange(16, 32) if a == 172 else r.randrange(0, 256)
        return f"{a}.{b}.{r.randrange(0, 256)}.{r.randrange(1, 255)}"

    def generic_email(self) -> str:
        r = self.r
        if r.random() < 0.5:
            p = self.person(r.randrange(5, 9))
            return p.email
        return (
            f"{r.choice(['info', 'hello', 'bookings', 'support', 'office', 'contact', 'admin', 'reception', 'sales', 'kontakt', 'orders', 'team', 'events', 'hr', 'jobs', 'noreply', 'parish.office', 'secretary'])}"
            f"@{r.choice(BIZ_WORDS)}.{r.choice(TLDS)}"
        )

    def generic_url(self) -> str:
        r = self.r
        biz = r.choice(BIZ_WORDS)
        path = r.choice(
            [
                "",
                "",
                "/contact",
                "/events",
                f"/orders/{r.randrange(10**5, 10**7)}",
                "/book",
                "/menu",
                f"/listing/{r.randrange(1000, 99999)}",
                "/rsvp",
                f"/p/{r.randrange(16**5):x}",
                "/donate",
                f"/blog/{r.randrange(2018, 2027)}/{r.randrange(1, 13):02d}/our-trip",
                "/careers",
                "/track",
            ]
        )
        return r.choice(
            [
                f"https://www.{biz}.{r.choice(TLDS)}{path}",
                f"www.{biz}.{r.choice(TLDS)}{path}",
                f"http://{biz}.{r.choice(TLDS)}{path}",
                f"https://{biz}.{r.choice(TLDS)}{path}",
                f"https://bit.ly/{slug(biz)[:3]}{r.randrange(16**4):x}",
                f"{biz}.{r.choice(TLDS)}",
                f"https://www.booking.com/hotel/{r.choice(['gb', 'de', 'fr', 'it', 'es', 'nl'])}/{biz}.html",
                f"https://forms.gle/{r.randrange(16**8):x}",
                f"https://goo.gl/maps/{r.randrange(16**6):x}",
                f"https://www.eventbrite.com/e/{biz}-tickets-{r.randrange(10**10, 10**11)}",
                f"https://docs.google.com/document/d/{r.randrange(16**12):x}",
            ]
        )

    def age90(self) -> str:
        return str(self.r.choices(range(90, 111), [10, 10, 9, 9, 8, 7, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1])[0])

    # -- slots ------------------------------------------------------------------------------------------------------
    def _loc(self, text: str, typ: str = "LOCATION") -> list[Piece]:
        """'the Bronx' -> literal 'the ' + span 'Bronx' (lower-case article stays outside)."""
        if text.startswith("the "):
            return [L("the "), Piece(text[4:], typ)]
        return [Piece(text, typ)]

    def pslot(self, name: str, k: int, arg: str | None) -> list[Piece]:
        r = self.r
        N = "NAME"
        if name == "DAY":  # one fixed date per text (chat exports)
            if not hasattr(self, "_day"):
                self._day = self.fmt_date(*self.ymd(), style="num")
            return [Piece(self._day, "DATE")]
        if (
            name
            in (
                "FULL",
                "FIRST",
                "LAST",
                "MR",
                "TFULL",
                "NICK",
                "INIT",
                "ANY",
                "LFULL",
                "SIG",
                "FMR",
                "EMAIL",
                "HANDLE",
                "USER",
                "URLP",
                "FL",
            )
            and k
        ):
            p = self.person(k)
            self.stats[f"name_{name}"] += name not in ("EMAIL", "HANDLE", "USER", "URLP")
            if name == "FULL":
                return [Piece(self.full(p), N)]
            if name == "FIRST":
                return [Piece(p.first, N)]
            if name == "FL":
                return [Piece(f"{p.first} {p.last[0].upper()}.", N)]
            if name == "LAST":
                return [Piece(p.last, N)]
            if name == "MR":
                return [L(self.title(p) + " "), Piece(p.last, N)]
            if name == "FMR":
                return [L(self.title(p, formal=True) + " "), Piece(p.last, N)]
            if name == "TFULL":
                return [L(self.title(p, formal=r.random() < 0.6) + " "), Piece(self.full(p), N)]
            if name == "NICK":
                return [Piece(p.nick or p.first, N)]
            if name == "INIT":
                return [Piece(self.initials(p), N)]
            if name == "LFULL":
                return [Piece(f"{p.last}, {p.first}" if r.random() < 0.85 else f"{p.last.upper()}, {p.first}", N)]
            if name == "SIG":
                x = r.random()
                return [
                    Piece(
                        p.first
                        if x < 0.5
                        else self.full(p)
                        if x < 0.75
                        else p.nick or p.first
                        if x < 0.85
                        else f"{p.first[0]}.",
                        N,
                    )
                ]
            if name == "ANY":
                x = r.random()
                if x < 0.33:
                    return [Piece(self.full(p), N)]
                if x < 0.63:
                    return [Piece(p.first, N)]
                if x < 0.78:
                    return [L(self.title(p) + " "), Piece(p.last, N)]
                if x < 0.84:
                    return [Piece(p.last, N)]
                if x < 0.91:
                    return [Piece(p.nick or p.first, N)]
                return [Piece(self.initials(p), N)]
            if name == "EMAIL":
                return [Piece(p.email, "EMAIL")]
            if name == "HANDLE":
                return [Piece(p.handle, "ID")]
            if name == "USER":
                return [Piece(p.user, "ID")]
            if name == "URLP":
                return [Piece(p.url, "URL")]
        if name in ("CITY", "HOME", "TOWN", "HOOD", "ISLAND", "COUNTY", "STREET", "LOC"):
            if name == "LOC":
                name = r.choice(["CITY", "CITY", "TOWN", "HOOD", "ISLAND", "CITY"])
            v = {
                "CITY": self.city,
                "HOME": lambda: self.home,
                "TOWN": self.town,
                "HOOD": self.hood,
                "ISLAND": self.island,
                "COUNTY": self.county,
                "STREET": self.street,
            }[name]()
            return self._loc(v)
        if name in VENUE_PATTERNS and name != "FSTREET":
            return self._loc(self.venue(name))
        if name == "PLACE":
            return self._loc(self.venue(r.choice(["HOTEL", "RESTO", "PARK", "VENUE", "VENUE", "CHURCH", "STADIUM"])))
        if name in ("ADDR", "ADDRML"):
            return [Piece(self.address(multiline=name == "ADDRML"), "ADDRESS")]
        if name == "ADDRS":  # street address without city
            return [
                Piece(
                    f"{r.randrange(1, 300)} {self.street()}"
                    if self.code in ("US", "UK", "IE", "AU", "CA", "NG", "FR")
                    else f"{self.street()} {r.randrange(1, 120)}",
                    "ADDRESS",
                )
            ]
        if name.startswith("DATE") or name in ("DOB", "MONYEAR"):
            return self.date_pieces(arg or "", name)
        if name == "PHONE":
            return [Piece(self.phone(), "PHONE")]
        if name == "EMAIL":
            return [Piece(self.generic_email(), "EMAIL")]
        if name == "URL":
            return [Piece(self.generic_url(), "URL")]
        if name == "IP":
            return [Piece(self.ip(), "IP")]
        if name == "ID":
            return [Piece(self.ident(arg or "any"), "ID")]
        if name == "HANDLE":
            return [Piece(self.person(r.randrange(5, 9)).handle, "ID")]
        if name == "AGE":  # mostly one (very old) person per text
            if not hasattr(self, "_age") or r.random() < 0.2:
                self._age = self.age90()
            return [Piece(self._age, "AGE")]
        if name == "YEARS":  # "2008–2012": two lone years
            y1 = r.randrange(1970, 2022)
            y2 = min(2026, y1 + r.randint(1, 9))
            return [Piece(str(y1), IGN), L(r.choice(["–", "-", " – "])), Piece(str(y2), IGN)]
        if name in ("COUNTRY", "HOMECOUNTRY", "STATE", "REGION", "CONTINENT", "YEAR"):
            if name == "COUNTRY":
                v = r.choice(ALL_COUNTRIES)
            elif name == "HOMECOUNTRY":
                v = r.choice(self.prof["country"])
            elif name == "STATE":
                v = r.choice(PROFILES["US"]["regions"] if r.random() < 0.5 else self.prof["regions"])
            elif name == "REGION":
                v = r.choice(self.prof["regions"] or PROFILES["UK"]["regions"])
            elif name == "CONTINENT":
                v = r.choice(CONTINENTS)
            else:
                v = str(r.randrange(1948, 2027) if arg != "old" else r.randrange(1925, 1995))
            return self._loc(v, IGN)
        raise KeyError(f"unknown identifier slot {name}{k or ''}")

    def fslot(self, name: str, k: int, arg: str | None) -> str:
        r = self.r
        if name == "relp" and k:  # a relative word that fits person k's sex
            return r.choice(
                _w("father|dad|grandfather|grandad|uncle|father-in-law|grandpa")
                if self.person(k).sex == "M"
                else _w("mother|mum|mom|grandmother|nan|gran|aunt|mother-in-law")
            )
        if name in NEG:
            return r.choice(NEG[name])
        low = name.lower()
        if low in ("he", "his", "him", "hers", "child", "sib", "spouse", "parent", "mrms", "boygirl"):
            p = self.person(k or 1)
            m = p.sex == "M"
            v = {
                "he": "he" if m else "she",
                "his": "his" if m else "her",
                "him": "him" if m else "her",
                "hers": "his" if m else "hers",
                "child": "son" if m else "daughter",
                "sib": "brother" if m else "sister",
                "spouse": "husband" if m else "wife",
                "parent": "father" if m else "mother",
                "boygirl": "boy" if m else "girl",
                "mrms": "Mr" if m else "Ms",
            }[low]
            return v.capitalize() if name[0].isupper() else v
        if name == "sex":  # force the sex of person k (write it before the person is used)
            self.sexes[k] = arg or "F"
            return ""
        if name == "price":
            cur = {
                "UK": "£",
                "US": "$",
                "CA": "$",
                "AU": "$",
                "IN": "₹",
                "JP": "¥",
                "BR": "R$ ",
                "PL": "",
                "CH": "CHF ",
                "ZA": "R",
                "NG": "₦",
                "KE": "KSh ",
                "SE": "",
                "DK": "",
                "NO": "",
                "CZ": "",
                "HU": "",
                "TR": "₺",
            }.get(self.code, "€")
            v = r.choice([r.randrange(2, 60), r.randrange(10, 400), r.randrange(100, 3000)])
            cents = r.choice(["", ".99", ".50", ".95", ",00", ".00", ""])
            if cur == "":
                return f"{v}{cents.replace('.', ',')} {r.choice({'PL': ['zł', 'PLN'], 'SE': ['kr', 'SEK'], 'DK': ['kr', 'DKK'], 'NO': ['kr', 'NOK'], 'CZ': ['Kč', 'CZK'], 'HU': ['Ft', 'HUF']}[self.code])}"
            if cur == "€" and r.random() < 0.4:
                return f"{v}{cents.replace('.', ',')} €"
            return (
                f"{cur}{v:,}{cents}"
                if r.random() < 0.8
                else f"{v} {r.choice(['USD', 'EUR', 'GBP', 'dollars', 'euros', 'quid', 'bucks'])}"
            )
        if name == "time":
            h, mi = r.randrange(6, 23), r.choice([0, 0, 15, 30, 45, r.randrange(60)])
            return r.choice(
                [
                    f"{h:02d}:{mi:02d}",
                    f"{h}:{mi:02d}",
                    f"{(h - 1) % 12 + 1}{'' if mi == 0 else ':' + format(mi, '02d')}"
                    f"{r.choice(['am', 'pm', ' a.m.', ' p.m.', 'AM', ' PM'])}",
                    f"{h}h{mi:02d}",
                    f"{h}.{mi:02d}",
                    "noon",
                    "midnight",
                    f"half past {r.choice(['six', 'seven', 'eight', 'nine', 'two'])}",
                ]
            )
        if name == "clock":
            return f"{r.randrange(0, 24):02d}:{r.randrange(60):02d}"
        if name == "score":
            a, b = r.randrange(0, 5), r.randrange(0, 5)
            return r.choice(
                [
                    f"{a}-{b}",
                    f"{a}–{b}",
                    f"{r.randrange(80, 130)}-{r.randrange(80, 130)}",
                    f"6-{r.randrange(5)}, 6-{r.randrange(5)}",
                    f"{r.randrange(7, 40)}-{r.randrange(3, 35)}",
                    f"{a}:{b}",
                ]
            )
        if name == "num":
            return str(r.choice([r.randrange(2, 12), r.randrange(10, 100), r.randrange(100, 2000)]))
        if name == "small":
            return r.choice(["two", "three", "four", "five", "six", "a dozen", "a few", "2", "3", "4", "5", "10"])
        if name == "pct":
            return f"{r.randrange(1, 99)}{r.choice(['%', ' percent', '%'])}"
        if name == "qty":
            return r.choice(
                [
                    f"{r.randrange(1, 5)} kg",
                    f"{r.choice([250, 500, 750])} ml",
                    f"{r.randrange(1, 6)} bedrooms",
                    f"{r.randrange(35, 240)} m²",
                    f"{r.randrange(2, 60)} km",
                    f"{r.randrange(2, 6)} x 250g",
                    f"{r.randrange(1, 4)} litres",
                    f"{r.randrange(10, 90)} minutes",
                    f"{r.randrange(2, 14)} nights",
                    f"{r.randrange(3, 30)} miles",
                    f"{r.randrange(100, 900)} sq ft",
                    f"{r.randrange(2, 12)} pack",
                ]
            )
        if name == "temp":
            return r.choice([f"{r.randrange(-8, 38)}°C", f"{r.randrange(20, 100)}°F", f"{r.randrange(-5, 35)} degrees"])
        if name == "age":  # ages up to 89 are not identifiers
            return str(r.choice([r.randrange(1, 18), r.randrange(18, 65), r.randrange(30, 90)]))
        if name in ("beds", "houseprice", "rent", "sqm", "weight"):
            cur = {"UK": "£", "US": "$", "CA": "$", "AU": "$"}.get(self.code, "€")
            return {
                "beds": lambda: str(r.randint(1, 6)),
                "houseprice": lambda: (
                    f"{cur}{r.randrange(120, 1900) * 1000:,}"
                    if r.random() < 0.7
                    else f"{cur}{r.randint(1, 4)}.{r.randint(1, 9)}m"
                ),
                "rent": lambda: f"{cur}{r.randrange(45, 400) * 10:,}",
                "sqm": lambda: r.choice(
                    [f"{r.randrange(35, 240)} m²", f"{r.randrange(400, 2400)} sq ft", f"{r.randrange(35, 240)} sqm"]
                ),
                "weight": lambda: r.choice(
                    [
                        f"{r.randint(2, 4)}.{r.randint(0, 9)} kg",
                        f"{r.randint(5, 9)} lb {r.randint(0, 15)} oz",
                        f"{r.randint(2500, 4400)} g",
                        f"{r.randint(5, 9)}lb {r.randint(0, 15)}oz",
                    ]
                ),
            }[name]()
        if name == "kidage":
            return str(r.randrange(1, 17))
        if name == "oldage":
            return str(r.randrange(60, 90))
        if name == "dur":
            return r.choice(
                [
                    "two weeks",
                    "three days",
                    "a month",
                    "six months",
                    "ten years",
                    "a couple of days",
                    f"{r.randrange(2, 12)} weeks",
                    f"{r.randrange(2, 40)} years",
                    "overnight",
                    "a fortnight",
                ]
            )
        if name == "rating":
            n = r.randrange(1, 6)
            return r.choice(
                [f"{n}/5", f"{n} out of 5", "★" * n + "☆" * (5 - n), f"{n} stars", f"{r.randrange(3, 11)}/10"]
            )
        if name == "flight":
            return f"{r.choice(['BA', 'LH', 'KL', 'AF', 'FR', 'U2', 'EK', 'TK', 'QF', 'AA', 'DL', 'IB', 'AZ', 'SK'])} {r.randrange(10, 2999)}"
        if name == "model":
            return fill_pattern(r, r.choice(["SM-GdddL", "LL-dddd", "Model dddd", "LLL-ddd", "RTX dd90", "Ldd Pro"]))
        if name == "version":
            return f"v{r.randrange(1, 9)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}"
        if name == "roomno":
            return str(r.randrange(2, 9)) + f"{r.randrange(1, 40):02d}"
        if name == "pipe":
            return "\x01"
        if name == "relw":  # normally replaced by the letter builder
            return r.choice(NEG["rel"])
        if name == "hw":
            return r.choice(HOTELW)
        if name == "vw":
            return r.choice(VW)
        if name == "greet":
            return r.choice(GREET)
        if name == "signoff":
            return r.choice(SIGNOFF)
        if name == "yrs":
            return str(r.randrange(2, 30))
        if name == "ord":
            return r.choice(["first", "second", "third", "fourth", "fifth", "10th", "25th", "50th"])
        raise KeyError(f"unknown filler {name}")

    def _sub(self, m: re.Match) -> str:
        c = m.group(1)
        r = self.r
        if "|" in c:
            return r.choice(c.split("|"))
        if c.startswith("?"):
            return c[1:] if r.random() < 0.5 else ""
        pm = PSLOT_RE.match(c)
        if pm:
            pieces = self.pslot(pm.group(1), int(pm.group(2) or 0), pm.group(3))
            self.store.append(pieces)
            return f"\x00{len(self.store) - 1}\x00"
        fm = FSLOT_RE.match(c)
        if fm:
            return self.fslot(fm.group(1), int(fm.group(2) or 0), fm.group(3)).replace("|", "\x01")
        raise KeyError(f"bad slot {{{c}}}")

    def seg(self, t: str) -> list[Piece]:
        """Expand one template into pieces (identifier pieces typed)."""
        shout = t.startswith("^")
        if shout:
            t = t[1:]
        for fm in FAM_RE.finditer(t):
            self.links.setdefault(int(fm.group(1)), int(fm.group(2)))
        t = FAM_RE.sub("", t).replace("\\n", "\n")
        for _ in range(40):
            t2 = SLOT_RE.sub(self._sub, t)
            if t2 == t:
                break
            t = t2
        t = re.sub(r"\b([Tt])he the ", r"\1he ", t)
        t = re.sub(
            r"(?<=[A-Za-z])\.\.(?!\.)", ".", t
        )  # "p.m." + "." / "Co." + "."  # "the {org}" with org = "the Red Cross"
        t = re.sub(r"\b([Aa]) ([AEIOaeio][a-z])", r"\1n \2", t)  # "a {job}" with job = "Office Manager"
        if "{" in t or "}" in t:
            raise ValueError(f"unbalanced template: {t!r}")
        out: list[Piece] = []
        pos = 0
        for m in MARK_RE.finditer(t):
            if m.start() > pos:
                out.append(L(t[pos : m.start()].replace("\x01", "|")))
            out += [Piece(p.text, p.typ) for p in self.store[int(m.group(1))]]
            pos = m.end()
        if pos < len(t):
            out.append(L(t[pos:].replace("\x01", "|")))
        out = [p for p in out if p.text]
        if shout:
            self.stats["shouted_segments"] += 1
            for p in out:
                if p.typ not in ("EMAIL", "URL", "ID"):
                    p.text = p.text.upper()
        # capitalise a segment that starts with a split-off article ("the " + "Ritz")
        if len(out) > 1 and out[0].typ is None and out[0].text == "the " and out[1].typ:
            out[0].text = "The "
        return out


# =====================================================================================================================
# Templates.  One per line; see the module docstring for the syntax.
# =====================================================================================================================


def _T(block: str) -> list[str]:
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


T: dict[str, list[str]] = {}

T["tweet"] = _T(r"""
greetings from {TOWN}, {STATE} {emoji} {FIRST1} says hi
road trip through {STATE} and {REGION} with {FIRST1} and {FIRST2}, day {small} {emoji}
back from {CONTINENT} and my body thinks it's {time} {emoji}
my great-grandad is {AGE} and just got his first {product} {emoji}
{FIRST1}'s nan turned {AGE} today!! {hashtag}
full video of {FIRST1}'s speech here {URL} {emoji}
just landed in {CITY} and it's already {temp} {emoji}
{FIRST1} and I finally tried the {dish} at {RESTO} — 10/10 would go again {emoji}
happy birthday to the best {sib1} ever {HANDLE1} {emoji}{emoji} {hashtag}
can't believe {FULL1} still hasn't returned my {product} {emoji}
{FIRST1}, if you're reading this: you owe me {price} {emoji}
shoutout to {MR1} at {SCHOOL} for making my {kid}'s first week so easy {emoji}
road closed on {STREET} again. {weekday} traffic in {HOME} is something else
big congrats to {FULL1} on the new job at {company}! {hashtag}
throwback to {DATEY} with {FIRST1} and {FIRST2} on {ISLAND} {hashtag}
lost: black wallet near {PARK} on {DATENY}. DM me or email {EMAIL1} {emoji}
{ANY1} just told me {he1} has never seen {film}. we are no longer friends {emoji}
watching {team} with {FIRST1} at {VENUE}, {score} at half time {emoji}
my {relp} turns {AGE} on {DATENY} and still does the crossword in pen {emoji}
^{shout} {FIRST1} JUST GOT ENGAGED {emoji}{emoji}
{CITY} friends: {FIRST1}'s band is playing {VENUE} on {DATENY}, tickets {price} at {URL}
if anyone in {HOOD} found a grey {pet}, please call {FIRST1} on {PHONE} {emoji}
{time} and {FIRST1} is already in the {company} queue for {holiday} deals {hashtag}
new blog post! {dur} eating {dish} in {CITY} → {URLP1}
me: I'll go to bed early. also me at {time}: rewatching {show} with {NICK1} {emoji}
{ANY1} ran the {CITY} half marathon in {num} minutes on {DATENY}!!! so proud {emoji} {hashtag}
first day at {UNI} {emoji} if you see a lost-looking {nat} kid with a {color} backpack, that's me
Ramadan Mubarak to everyone celebrating, especially {FIRST1} and the whole {LAST1} family {emoji}
currently stuck at {AIRPORT} because {company} cancelled {flight}. {emoji} {hashtag}
{FULL1} you absolute legend, thank you for finding my {product} on the {TOWN} bus {emoji}
anyone know a good {job} in {CITY}? asking for my {rel} {emoji}
can confirm the {dish} at {RESTO} in {HOOD} is worth the {dur} queue {emoji}
{ANY1} and I are moving to {CITY} in {month}! {emoji}
RIP to my {product}, you served me well since {YEAR} {emoji}
my {kidage}-year-old just asked {NICK1} if {show} is a documentary {emoji}
who else is at {STADIUM} tonight? {team} fans, find {FIRST1} by the big {color} flag
{hashtag} with {HANDLE1} and {HANDLE2} at {PARK} {emoji}
Grandma {FIRST1} is {AGE} today and she just beat us all at cards {emoji} {hashtag}
spotted {FULL1} from {show} buying {product} at {company} in {HOOD} lol
{weather} {weekday} in {CITY}. {emoji} staying in with {book}
honestly {company} customer service is a joke. order {ID:order} still missing since {DATENY} {emoji}
proud of my little sis {FIRST1} who graduated from {UNI} today {emoji}{emoji}
{FIRST1} {LAST1} for mayor of {TOWN} {emoji}
moved into our new place on {STREET}!! housewarming {DATEW}, message me for the address {emoji}
the {band} gig at {VENUE} last night with {FIRST1} and {FIRST2} {emoji}{emoji}
{hashtag} {FIRST1} finally learned to ride a bike in {PARK} {emoji}
""")

T["comment"] = _T(r"""
My {relp} lived to {AGE} eating {dish} every day, so I'm not worried.
Source: {URL}
{HANDLE1} lol same
Tagging {HANDLE1} and {HANDLE2} because this is literally us in {CITY} {emoji}
Great article. My {relp} lived on {STREET} in the 70s and remembers the shop well.
Yes, the {PARK} car park is free on Sundays until {time}.
So sorry for your loss, {FIRST1}. Your {relp} was a lovely person.
Thanks {MR1}, very helpful explanation of {disease}!
^THIS. {FIRST1} IS RIGHT.
Can confirm, we stayed at {HOTEL} in {MONYEAR} and the breakfast was {adj}.
I've emailed {EMAIL} three times and nobody answers. Order #{ID:order}.
Who is {FIRST1}?? {emoji}
{FIRST1} looks just like {his1} {relp} in that photo!
Beautiful pic! Is that {ISLAND}?
Reply to {USER1}: the {software} update broke it for me too, {version} fixed it.
Not everyone in {CONTINENT} celebrates {holiday}, {FIRST1}.
Congrats {FIRST1} and {FIRST2}!! {emoji} Can't wait for {DATENY}!
Love this! My {kid} goes to {SCHOOL} too.
{ANY1} is the best {job} in {HOME}, full stop.
Please stop sharing this, {FIRST1}. It's a hoax from {YEAR}.
Where in {COUNTRY} is this? Looks like {TOWN} to me.
Me and {NICK1} watched {film} because of this thread {emoji}
Lmao {HANDLE1} this is you
{FIRST1} did you see this?? {emoji}
Does anyone know if {RESTO} is still open? Used to go with {FIRST1} every {weekday}.
Happy {holiday} from all of us at {ADDRS}! {emoji}
My {relp} is {AGE} and still drives to {TOWN} every {weekday}, so no, age isn't the issue.
Amazing work {FULL1}! {hashtag}
Same thing happened to us with {company}. Took {dur} and a letter to the {org}.
{FIRST1} {emoji}{emoji}{emoji}
I was at {UNI} with {FULL1} back in {YEAR}, small world!
Downvoted. {product} is overrated and {company} knows it.
Reply from {company}: Hi {FIRST1}, sorry to hear that! Please DM us your order number and we'll look into it.
Anyone else from {TOWN} here? {emoji}
The photo was taken by {FULL2} at {VENUE} on {DATE}, credit where it's due.
""")

T["forum_title"] = _T(r"""
Best {sport} club in {CITY}?
Landlord won't return deposit — {HOOD}
Anyone tried {drug} for {disease}?
{product} keeps crashing after {version}
Moving to {CITY} from {COUNTRY} - advice?
Recommend a plumber in {TOWN}?
{team} vs {team} match thread
Visa question (partner from {COUNTRY})
Renovating a 1930s house in {COUNTY}
Lost cat near {STREET}
Weekend in {CITY} with kids — ideas?
{software} export to {software} not working
Looking for old classmates from {SCHOOL}
""")

T["forum"] = _T(r"""
My {relp} is {AGE} and {org} still sends letters to {ADDR}.
Mod edit: removed IP address ({IP}) from this post.
Check your router, mine was stuck on {IP} after the {version} update.
Here's the thread I mentioned: {URL}
We moved to {HOOD} in {MONYEAR} and I still haven't found a decent {job}.
Try {FULL1} on {STREET}, {he1} sorted our boiler in a day. Number is {PHONE}.
My landlord, {MR1}, keeps saying the deposit is "being processed" since {DATE}.
I had the same issue with my {product}; {company} support (case {ID:ticket}) replaced it for free.
{USER2} is right, the {org} guidance changed in {YEAR}.
Has anyone dealt with {FULL1} at {company}? {He1} never answers emails.
Don't go to {RESTO}, we waited {dur} for {dish}.
The first time I went was with {FIRST1} from work and it was fine.
Our vet at {HOSP} recommended {petdrug} for our {pet}.
Check the listing at {URL}, it's still up.
FWIW I'm {nat} and moved from {CITY} to {CITY} with no problems.
Edit: sorted, thanks {USER2}!
My {rel} has {disease} and was put on {drug} by {TFULL1}.
Bump. Still looking for anyone who went to {SCHOOL} between {YEAR} and {YEAR}.
The meetup is at {VENUE} on {DATEW}, ask for {FIRST1}.
Moderator note: please don't post personal details like {EMAIL} or phone numbers here.
I'd avoid {STREET} after {time}, the parking wardens are ruthless.
Honestly, just ring the council on {PHONE} and ask for {FIRST1} in planning.
Same here, {version} broke everything. Rolled back and it works.
If you're near {TOWN}, {RESTO} does the best {dish} in {COUNTY}.
We used {company} for the move from {CITY}; {price} all in, no complaints.
{FIRST1} {LAST1} runs a {sport} group at {PARK} every {weekday} at {time}.
Quote from {USER2}: "it's a scam". No, it's not, I got my refund on {DATENY}.
Thanks all. For anyone searching later: it was {disease}, and {drug} sorted it.
Ha, I was in {LAST1}'s class at {SCHOOL} too. Small world.
It's definitely {CITY}, I recognise the tram.
""")

T["chat"] = _T(r"""
my passport number is {ID:passport} if you're booking
card no is {ID:card}, don't tell anyone lol
send it to\n{ADDRML}
server's at {IP}, user admin
link: {URL}
great-granny {FIRST3} is {AGE} and sharper than all of us
omw, 10 min
did you call {FIRST3} back?
{NICK3} says hi {emoji}
can you pick up {dish} from {RESTO}?
meeting moved to {time}
the address is {ADDR}
send me {FIRST3}'s number pls
it's {PHONE}
lol {emoji}
are we still on for {DATENY}?
yes! {PLACE} at {time}
{MR3} wants the report by {weekday}
my flight lands at {AIRPORT} at {time}
don't forget {holiday} at {rel}'s
ok
where r u
stuck on {STREET}, traffic is mad
I'm at {PARK} with the kids
new number, save it: {PHONE}
can you send me {price} for the tickets
{FIRST3} and {FIRST4} are coming too
just saw {FULL3} at {company} of all places
booking ref is {ID:booking}
happy birthday!!! {emoji}{emoji}
did {FIRST3} get the {product}?
^NO WAY
his email is {EMAIL3}
can't, I'm in {CITY} until {DATENY}
she's moving to {HOOD} apparently
{emoji}
who's bringing the {dish}
the wifi password is on the fridge
doctor says it's {disease}, {he3} is on {drug} now
running late sorry
see you at {STADIUM}, gate {num}
did you watch {show} last night
grandpa {FIRST3} is {AGE} on {DATENY}, we need a cake
parcel tracking {ID:tracking}, should be there {weekday}
""")

T["email_subject"] = _T(r"""
Re: {topic}
Invoice {ID:invoice}
Catch-up on {weekday}?
Your order #{ID:order}
{holiday} plans
Fwd: photos from {ISLAND}
Question about {disease}
Meeting with {FULL3}
Out of office
Booking confirmation {ID:booking}
Application – {job}
RE: RE: {topic}
Introduction: {FULL3} ({company})
Visit to {CITY} on {DATENY}
Quick question
Your {software} account
""")

T["email_body"] = _T(r"""
My passport number is {ID:passport}, issued on {DATEOLD}.
For the payroll form: my national insurance number is {ID:natid}.
Please send the signed copy to:\n{ADDRML}
We'll drive down from {STATE} and stay with {FIRST3}'s family in {TOWN}.
We noticed a new sign-in to your {software} account from {IP} ({CITY}, {HOMECOUNTRY}) on {DATE}.
The portal is at {URL}; log in with {EMAIL1}.
Please whitelist {IP} on the firewall before {weekday}.
My {relp} is {AGE} now, so we can't travel far.
Thanks for sending the {topic} draft over on {DATENY}.
I've copied {FIRST3} in, {he3} is handling the {company} account now.
Could you give {FMR3} a call on {PHONE} before {weekday}?
Please find attached the invoice ({ID:invoice}) for {month}.
We're planning to be in {CITY} from {DATENY} to {DATENY}.
As discussed, the venue is {VENUE}, {ADDR}.
{FIRST3} mentioned you might have a spare {product}?
The kids loved the trip to {ISLAND}, thank you again.
My new address from {DATE} is {ADDR}.
I'm out of the office until {DATEW}; for urgent matters contact {FULL3} at {EMAIL3}.
Please update my bank details to IBAN {ID:iban}.
The {org} deadline is {DATE}, so we need the figures by {weekday}.
Could you confirm the booking reference {ID:booking}?
Happy {holiday} to you and {FIRST3}!
It was lovely to meet you at {UNI} last {weekday}.
I've shared the folder: {URL}
We had a call with {FULL3} from {company}, {he3} will send the {software} export.
Let me know if {time} works for a quick {software} call.
Our {kid} has {disease} so we may need to cancel.
Just a reminder that the office is closed for {holiday}.
I've booked a table at {RESTO} for {small} at {time}.
{FIRST3} will pick you up from {AIRPORT}; {his3} mobile is {PHONE}.
Apologies for the delay, I was at {HOSP} with my {relp} all week.
The contract was signed on {DATE} by {FULL3} on behalf of {company}.
Attached are the photos from the {holiday} party at {VENUE}.
My employee number is {ID:employee} in case HR needs it.
Can we push the {topic} review to {DATEW}?
Please don't share this outside the team until {MONYEAR}.
The {software} login for the shared account is under my email, {EMAIL1}.
""")

T["email_quote"] = _T(r"""
Can you confirm the numbers by {weekday}?
We'll be arriving at {time}.
Please see the attached.
Sounds good, talk then.
I've spoken to {FIRST3} and {he3} is happy to help.
The parcel was sent to {ADDRS}.
Is {DATENY} still OK for you?
""")

T["meeting_head"] = _T(r"""
Meeting notes – {topic} – {DATE}
Minutes of the {topic} meeting, {DATEW}
Weekly sync {DATENUM} ({software})
{vw} Residents' Association – minutes – {DATE}
Project kickoff: {topic} ({DATEISO})
Board meeting, {VENUE}, {DATE}
""")

T["meeting"] = _T(r"""
- {INIT1} to circulate the {topic} figures by {DATENY}.
- Action: {FIRST2} to call {company} about the contract (account {ID:account}).
- {FULL3} presented the Q{num} numbers; revenue up {pct}.
- Next meeting: {DATEW} at {clock}, {VENUE}.
- Budget of {price} approved for the {holiday} event.
- {FIRST4} raised concerns about {topic}; {MR1} will follow up with {org}.
- Agreed to move the {software} licence to {FULL2}.
- Volunteers for the stall at {PARK}: {FIRST1}, {FIRST3}, {FIRST5}.
- {FIRST2} is on leave {DATENY}–{DATENY}.
- No update from {company} yet.
- Welcome to {FULL5}, our new {job}.
- The {job} role is still open; applications to {EMAIL2}.
- {INIT3} noted the {software} migration slipped to {MONYEAR}.
- AOB: {FIRST4} asked whether the {holiday} closure affects deliveries.
- Decision: go with {company} for catering ({price} per head).
- {LAST1} to book {VENUE} for {DATENY} (contact {PHONE}).
- Minutes approved; proposed by {FIRST3}, seconded by {FIRST5}.
- Risks: {topic} depends on {company} signing by {DATE}.
""")

T["credits_film"] = _T(r"""
Directed by {FULL1}
Written by {FULL2} and {FULL3}
Produced by {FULL4} for {company}
Music by {FULL5}
Director of Photography {FULL1}
Casting by {FULL2}
Edited by {FULL6}
Filmed on location in {CITY}, {COUNTRY} and at {STUDIO}.
Special thanks to the people of {TOWN} and to {FULL3}.
Episode {num}: written by {FULL1}; directed by {FULL2}.
Executive producers: {FULL3}, {FULL4}
In memory of {FULL5} ({YEAR:old}–{YEAR}).
Stunt coordinator {FULL2}
Costume design {FULL6} · Hair and make-up {FULL3}
Based on the novel by {FULL4}
No animals were harmed in the making of this film.
© {YEAR} {company} Pictures. All rights reserved.
Supported by the {nat} Film Institute and {org}.
""")

T["credits_music"] = _T(r"""
Recorded at {STUDIO}, {CITY}, {MONYEAR}.
{FULL1} – {instrument}, {instrument}
{FULL2}: {instrument}
{FULL3} – {instrument} on "{song}"
Mixed by {FULL3} at {STUDIO}. Mastered by {FULL4}.
All songs written by {FULL1} except "{song}" (cover of {band}).
Cover photo: {FULL3}. Design: {FULL4}.
Produced by {FULL5} and {band}.
Thanks to Mum, Dad, {FIRST3} and everyone at {company}.
Strings arranged by {TFULL6}.
Management: {FULL6}, {EMAIL6}
Booking: {EMAIL}
This record is dedicated to {FULL5} ({DATEOLD} – {DATE}).
Recorded live at {VENUE} on {DATEF}.
Guest vocals by {FULL2} courtesy of {company} Records.
""")

T["bio"] = _T(r"""
{FULL1} lives in {TOWN}, {STATE}, with {his1} {spouse1}, {FIRST2}.
Raised between {CONTINENT} and {CONTINENT}, {FIRST1} writes in {lang} and {lang}.
More at {URLP1}.
{FULL1} was born in {CITY} in {YEAR} and now lives in {TOWN} with {his1} {spouse} and two {pet}s.
{He1} studied {lang} at {UNI} before working as a {job} for {company}.
{His1} debut novel was shortlisted for {prize} and translated into {num} languages.
{FIRST1} teaches creative writing at {UNI} and can be found at {URLP1}.
{LAST1}'s work has appeared in the Guardian, the New Yorker and on the BBC.
When not writing, {FIRST1} volunteers with {org}.
Author photo by {FULL2}.
{FULL1} is a {nat} poet and translator based in {HOOD}, {CITY}.
Follow {him1} on {software} at {HANDLE1}.
{FULL1} grew up on a farm outside {TOWN}, {REGION}, and read {book} at the age of nine.
Before turning to fiction, {LAST1} spent {yrs} years as a {job} in {CITY} and {CITY}.
{He1} is currently writer-in-residence at {VENUE}.
I'm {FULL1}, a {job} turned illustrator living in {HOOD} with my {spouse1} {FIRST2}.
{FIRST1}'s latest book, a memoir about {his1} {relp}'s {disease}, is out on {DATEFUT}.
For rights enquiries contact {FULL3} at {company} Literary Agency, {EMAIL3}.
{FULL1} (b. {YEAR}, {CITY}) is a {nat}-{nat} composer.
{He1} won {prize} in {YEAR} for {his1} collection of short stories.
""")

T["obit_lead"] = _T(r"""
{FULL1} died on {DATE} at the age of {AGE}.
{TFULL1}, aged {AGE}, of {ADDR}, died on {DATE}.
{FULL1}, {AGE}, of {TOWN}, passed away peacefully on {DATE} at {HOSP}.
{FULL1}, {oldage}, of {TOWN}, died suddenly on {DATE}.
{FULL1} ({DOB} – {DATE}) died at home in {CITY} surrounded by family.
""")

T["obit"] = _T(r"""
Online book of condolence: {URL}
Born in {CITY}, {COUNTRY}, {FIRST1} worked for {yrs} years as a {job} at {company}.
{He1} is survived by {his1} {spouse1} of {yrs} years, {FIRST2}, and their children {FIRST3} and {FIRST4}.
{He1} was predeceased by {his1} {sib5} {FULL5}.
A funeral Mass will be held at {CHURCH}, {ADDRS}, on {DATEW} at {time}.
In lieu of flowers, donations may be made to {org} or to {disease} research.
{FIRST1} loved {sport}, {band}, and {holiday} with the grandchildren.
Condolences may be sent to the family at {EMAIL2} or c/o {ADDR}.
{FIRST1} celebrated turning {AGE} in {MONYEAR} with a party at {VENUE}.
Beloved {parent1} of {FIRST3}, {FIRST4} and the late {FIRST5}; adored grandparent of {small}.
The family thanks the staff of {HOSP} for their kindness.
{MR1} emigrated from {COUNTRY} in {YEAR:old} and ran {RESTO} on {STREET} for {yrs} years.
Reposing at {VENUE}, {TOWN}, from {time} on {DATEW}.
Rest in peace, {NICK1}.
Aged {AGE}, {FIRST1} was the oldest member of {org} in {COUNTY}.
""")

T["wedding"] = _T(r"""
{FULL1} and {FULL2} were married on {DATE} at {CHURCH} in {TOWN}.
The bride, daughter of {TFULL3} and {TFULL4} of {CITY}, is a {job} at {company}.
The groom is the son of {FULL5} of {COUNTY} and the late {FULL6}.
A reception followed at {VENUE}.
The couple met at {UNI} in {YEAR} and live in {HOOD}.
{FIRST1} and {FIRST2} will honeymoon on {ISLAND}.
Save the date: {FIRST1} & {FIRST2}, {DATEF}, {VENUE}, {CITY}.
The Reverend {FULL6} officiated.
{FMR3} and {FMR4} are delighted to announce the engagement of their daughter {FIRST1} to {FULL2}.
The wedding will take place in {MONYEAR} in {TOWN}, {COUNTRY}.
Maid of honour was the bride's sister, {FIRST5}; best man was {FULL6}.
Gifts registry: {URL}
The bride wore her grandmother's dress, first worn in {YEAR:old}.
Congratulations to {FULL1} and {FULL2}, who celebrated their {ord} wedding anniversary on {DATENY}.
""")

T["birth"] = _T(r"""
{FULL1} and {FULL2} are thrilled to announce the arrival of {FIRST3} {LAST1}, born {DATE} at {HOSP}, weighing {weight}.
Welcome to the world, {FIRST3}! Born {DATEW} at {time}, {small} lb {num} oz.
Big {sib4} {FIRST4} is over the moon.
Mum and baby are doing well. Thank you to the midwives at {HOSP}, especially {FIRST5}.
Proud grandparents are {FULL5} of {CITY} and {FULL6} of {TOWN}.
It's a {boygirl3}! {FIRST3} arrived on {DATENY} after {dur} of labour {emoji}
{FIRST3} {LAST1} was born at home in {HOOD} on {DATE}.
A baby {child3}, {FIRST3}, for {FIRST1} and {FIRST2} ({LAST2}) {LAST1}, on {DATE}.
Christening at {CHURCH} on {DATEW}, followed by lunch at {RESTO}.
{FIRST3} shares a birthday with great-grandma {FIRST6}, who turns {AGE} the same day.
Announcing {FIRST3}'s arrival a bit late: born {DATE}, {weight}, perfect.
""")

T["news_sports"] = _T(r"""
{team} beat {team} {score} at {STADIUM} on {weekday}, with {FULL1} scoring twice.
{FULL1}, {age}, from {TOWN}, has been called up to the {nat} squad for the {month} friendlies.
Coach {LAST2} said after the match: "We were brilliant in the second half."
{FULL3} won the {CITY} Marathon in {clock} on {DATE}.
The club announced that {FULL1} will step down as {job} at the end of the season.
Tickets for the final on {DATEF} go on sale at {URL}.
{LAST1}, who joined from {team} in {YEAR}, is out for {dur} with a knee injury.
Local {kidage}-year-old {FULL4} of {SCHOOL} took gold in the under-14 {sport} at {VENUE}.
{FULL2} ({team}) was sent off just before half time.
The {sport} tournament at {PARK} raised {price} for {org}.
Veteran {FULL5}, {AGE}, became the oldest finisher in the history of the {CITY} 10K.
It was {team}'s first win at {STADIUM} since {YEAR}.
Referee {FULL6} awarded a late penalty, converted by {LAST3}.
{FIRST1} {LAST1} finished fourth, {num} seconds behind {FULL2}.
""")

T["news_politics"] = _T(r"""
{FULL1}, of {TOWN}, {STATE}, was elected to the state senate on {DATE}.
The governor of {REGION} met {FULL3} in {CITY} on {DATENY}.
{FULL2}, who at {AGE} is {TOWN}'s oldest resident, cut the ribbon.
The full report is available at {URL}.
Councillor {FULL1} ({party}) has called for a review of parking on {STREET}.
The council approved plans for {num} homes at the former {VENUE} site on {DATE}.
Mayor {FULL2} said the {price} scheme would "transform {HOOD}".
Residents of {TOWN} will vote on {DATENY} in a by-election following the resignation of {FULL3}.
{FULL4}, who chairs the planning committee, said {he4} would meet residents at {VENUE} on {DATEW}.
A spokesperson for {org} declined to comment.
Objections can be sent to {EMAIL} before {DATE}.
The {party} candidate, {FULL5}, a former {job} from {HOOD}, won by {num} votes.
{MR1} told the meeting that {STREET} had flooded {small} times since {YEAR}.
The petition, started by {FULL6} of {ADDRS}, has {num} signatures.
Parliament will debate the bill in {month}, according to {org}.
Council leader {FULL2} ({party}) described the {org} report as "deeply worrying".
Turnout in {COUNTY} was {pct}, up from {YEAR}.
{FULL3}, {age}, a {job} at {SCHOOL}, is standing as an independent.
""")

T["news_business"] = _T(r"""
{FULL1}, {AGE}, who founded the firm in {YEAR:old}, still comes into the office on {weekday}s.
{company} has appointed {FULL1} as {job}, effective {DATE}.
{FULL2}, founder of {HOOD}-based start-up {vw} Labs, raised {price} in seed funding.
Shares in {company} fell {pct} after {org} opened an investigation.
{FULL3}, {job} at {company}, said the plant in {TOWN} would close by {MONYEAR}.
The deal, first reported on {DATE}, values the {CITY} firm at {price} million.
{company}'s new store on {STREET} opens on {DATENY}, creating {num} jobs.
For press enquiries contact {FULL4} on {PHONE} or {EMAIL4}.
{FULL5} steps down as {job} after {yrs} years, the company said on {weekday}.
The family-run bakery on {STREET}, founded by {FULL6} in {YEAR:old}, has been sold to {company}.
Analysts at {company} expect profits to rise {pct} in {YEAR}.
{LAST1} previously worked at {company} and {company} in {CITY}.
The {price} contract was signed at {VENUE} on {DATEW}.
""")

T["review_product"] = _T(r"""
Bought this {product} for my {rel} for {holiday} and it stopped working after {dur}.
{rating}. Arrived in {small} days, works fine with {software}.
^{shout}. Broke after {dur}.
Customer service (thanks {FIRST1}!) sent a replacement within a week.
Compared to the {product} it's {adj}.
Would recommend, especially at {price}.
My {kidage}-year-old loves it.
Seller {HANDLE1} was very helpful and posted it the same day.
Returned it (order {ID:order}); refund took {dur}.
The {color} one looks nothing like the photo.
Works great with {software} on my {product}.
Reviewed in {COUNTRY} on {DATE}.
Update {DATENY}: still going strong.
Bought on {holiday} for {price}, a bargain.
If you have {disease} like me, the grip is a lifesaver.
{company} should be ashamed of this {product}.
""")

T["review_sig"] = _T(r"""
— {FL1}, {CITY}
Verified purchase · {FULL1} · {TOWN}
{FIRST1} ({HOME})
Reviewed by {FL1} on {DATE}
{USER1}, {DATE}
— {FIRST1}, {age}, {HOME}
""")

T["review_hotel"] = _T(r"""
Stayed at {HOTEL} in {CITY} from {DATENY} to {DATENY} with my {rel}.
The staff, especially {FIRST1} at reception, were {adj}.
Room was {adj} but the wifi kept dropping.
Breakfast was {price} per person, not worth it.
Location is perfect, five minutes from {PARK} and {STREET}.
We booked through Booking.com (confirmation {ID:booking}).
Manager {FULL2} apologised and refunded one night.
^{shout}!
Stayed {MONYEAR}, travelled as a couple.
Perfect base for exploring {REGION}.
The spa was closed for {holiday}, which nobody told us.
Ask for a room facing {PARK}.
Our taxi driver {FIRST3} recommended {RESTO} nearby and it was the highlight of the trip.
Ten minutes by taxi from {AIRPORT}.
{rating}. Would stay again.
Response from {FULL2}, General Manager: Dear {FIRST4}, thank you for your feedback; we hope to welcome you back.
""")

T["review_resto"] = _T(r"""
Had dinner at {RESTO} in {HOOD} on {DATEW}.
Our server {FIRST1} recommended the {dish} and {he1} was spot on.
{rating}. The {dish} was {adj}, the {dish} less so.
Chef {FULL2} came out to say hello.
Booked for {small} people at {time} and still waited {num} minutes.
Great for {holiday} parties; we'll be back.
Cash only, and the card machine was "broken" again.
Gluten-free options for coeliacs, which is rare in {CITY}.
^{shout}. Food poisoning the next day.
The {nat} wine list is excellent.
Tables on {STREET} are lovely in {month}.
Thanks to {FIRST3} and the team for my {relp}'s birthday!
Reply from the owner, {FIRST2}: Thank you so much, see you soon!
""")

T["ticket_head"] = _T(r"""
Ticket #{ID:ticket} — {product} not charging
Case {ID:ticket}: refund request
Support request #{ID:ticket} (priority: high)
[{ID:ticket}] Login problem
New ticket from {FULL1} via web form
""")

T["ticket"] = _T(r"""
I was charged twice on my card {ID:card}.
Billing address on file:\n{ADDRML}
Login attempts from {IP} and {IP} were blocked.
Screenshot uploaded here: {URL}
Customer: {FULL1} ({EMAIL1}), account {ID:account}
Hi, my name is {FULL1} and I ordered a {product} on {DATE} (order {ID:order}).
It still hasn't arrived at {ADDR}.
Tracking number {ID:tracking} says "delivered" but nobody was home.
Please call me on {PHONE} after {time}.
I logged in from {IP} and got error 403 three times.
Agent {FIRST2}: Thanks {FIRST1}, I've escalated this to our {CITY} warehouse.
Status: pending. Assigned to {FULL2}.
I've been a customer since {YEAR} and this is the first time I've had a problem.
The {software} app shows my old address on {STREET}.
My card was charged twice ({price}).
Customer number {ID:customer}, registered email {EMAIL1}.
Internal note: same IP ({IP}) used on account {ID:account}, check for fraud.
Refund of {price} issued on {DATE}.
Device serial {ID:device}, firmware {version}.
Closed by {FIRST2} on {DATENUM}: customer confirmed fix.
Hi {FIRST1}, I'm sorry about the delay; a courier will collect the item on {DATEW}.
""")

T["order"] = _T(r"""
Delivery address:\n{ADDRML}
Manage your order at {URL}
Order placed from IP {IP}.
Thank you for your order, {FIRST1}!
Order number: {ID:order}
Order date: {DATE}
Delivery address: {ADDR}
Estimated delivery: {DATEW}
Items: 1 x {product} ({price}), 2 x {product} ({price})
Payment method: Visa
Questions? Contact us at {EMAIL} or {PHONE}.
Track your parcel: {URL}
Customer number: {ID:customer}
Billing name: {FULL1}
Your {company} order will be delivered by {company} between {clock} and {clock}.
Loyalty card {ID:loyalty}: you earned {num} points.
Gift message: "Happy {holiday}, {FIRST2}! Love, {SIG1}"
Deliver to: {FULL2}, {ADDR}, tel. {PHONE}
Your booking at {HOTEL} is confirmed for {DATENY}–{DATENY}. Reference: {ID:booking}.
Ticket holder: {FULL1}. Seat {num}. Event: {band} at {VENUE}, {DATEW}.
""")

T["form"] = _T(r"""
Card number: {ID:card}
Passport number: {ID:passport}
State: {STATE}
Postal address:\n{ADDRML}
IP address: {IP}
Profile URL: {URLP1}
Name: {FULL1}
Full name: {LFULL1}
Surname: {LAST1}
First name(s): {FIRST1}
Date of birth: {DOB}
DOB: {DOB}
Address: {ADDR}
Home address: {ADDR}
Phone: {PHONE}
Mobile: {PHONE}
Email: {EMAIL1}
E-mail address: {EMAIL1}
Nationality: {nat}
Passport no.: {ID:passport}
National ID number: {ID:natid}
Social security no: {ID:natid}
Emergency contact: {FULL2} ({rel}), {PHONE}
Occupation: {job}
Employer: {company}
Religion: {religion}
Languages spoken: {lang}, {lang}
Allergies: {drug}
Medical conditions: {disease}
GP: {TFULL3}, {HOSP}
Vehicle registration: {ID:plate}
IBAN: {ID:iban}
Member no.: {ID:member}
Country of residence: {COUNTRY}
Place of birth: {CITY}
Signed: {SIG1}
Date: {DATENUM}
Referred by: {FULL3}
Preferred contact time: {time}
Student ID: {ID:student}
Insurance policy: {ID:policy}
Driving licence no.: {ID:license}
Tax number: {ID:tax}
Username: {USER1}
Twitter: {HANDLE1}
Website: {URLP1}
Last login IP: {IP}
Start date: {DATE}
Age: {age}
Age: {AGE}
Marital status: married
Next of kin: {FULL2}
""")

T["cv"] = _T(r"""
Relocating from {STATE} to {CITY} in {month}.
Portfolio: {URL}
{FULL1} — {job} at {company}
Based in {CITY}, {HOMECOUNTRY} · {num}+ connections
{job} with {yrs} years' experience in {topic} and {software}.
Experience: {job}, {company}, {CITY} ({MONYEAR} – present)
Previously {job} at {company} ({YEARS}).
Education: BSc Computer Science, {UNI} ({YEARS})
Languages: {lang} (native), {lang} (fluent), {lang} (basic)
Contact: {EMAIL1} {pipe} {PHONE} {pipe} {URLP1}
References available from {FULL2}, {job}, {company}.
Date of birth: {DOB}. Full driving licence.
Skills: {software}, {software}, {software}, {software}
#OpenToWork — open to roles in {CITY} or remote.
Volunteer: {org} ({YEARS})
Address: {ADDR}
Certified Scrum Master; fluent in {lang}.
I help {nat} start-ups scale from 10 to 100 people. Ex-{company}, ex-{company}.
Recommended by {FULL2}: "{FIRST1} is the best {job} I've worked with."
Interests: {sport}, {instrument}, and cooking {dish}.
""")

T["invite"] = _T(r"""
Venue:\n{ADDRML}
Grandma {FIRST1} is turning {AGE}! Party at {VENUE} on {DATEW}.
You're invited! Join us to celebrate {FIRST1}'s {ord} birthday
on {DATEW} at {time}, {VENUE}, {ADDR}.
RSVP to {FIRST2} by {DATENY}: {PHONE} or {EMAIL2}.
Dress code: {color}. Kids welcome!
{FULL1} and {FULL2} request the pleasure of your company at their wedding on {DATEF} at {CHURCH}, {TOWN}.
Surprise party for {NICK1}, who is turning {AGE}! Don't tell {him1}!
Baby shower for {FIRST1} at {ADDRS} on {DATENY}, from {time}.
Eid dinner at ours: {ADDR}, from {time}.
Please reply via {URL}
Parking is available on {STREET}.
Gifts are not necessary; donations to {org} welcome.
Join us for {holiday} drinks at {PLACE} on {DATEW} at {time}.
Open day at {SCHOOL}: {DATEW}, {time}–{time}. Enquiries to {FMR2} on {PHONE}.
Come and celebrate the {LAST1} family's 50 years in {TOWN}!
Our {holiday} potluck is at {FIRST2} and {FIRST3}'s place, {ADDRS}. Bring {dish}!
""")

T["classified"] = _T(r"""
{product}, one owner, VIN {ID:vin}, full service history. {price}. {PHONE} ({FIRST1}).
FOR SALE: {product}, barely used, {price} ono. Collection from {HOOD}. Call {FIRST1} on {PHONE}.
WANTED: {job} for busy salon in {TOWN}. CV to {EMAIL}.
Room to let in {HOOD}, {price} pcm incl. bills. Contact {FIRST1}: {PHONE}.
LOST: {color} {pet} near {PARK} on {DATENY}. Reward. {PHONE}
Free to good home: {product}. {ADDRS}, {TOWN}.
{product} for sale, reg {ID:plate}, {num} miles, MOT until {MONYEAR}. {price}. Ask for {MR1}.
Piano lessons with {TFULL1}, all ages, {HOOD}. {PHONE} / {EMAIL1}
Garage sale {DATEW}, {time}–{time}, {ADDR}.
Babysitter available evenings, refs from {FULL2}. Text {FIRST1} on {PHONE}.
Dog walker needed in {HOOD}, {weekday}s. Message {HANDLE1}.
Maths and {lang} tutoring by a qualified {job}. {FIRST1}, {PHONE}.
VW Golf, {color}, {YEAR}, {num} km, {price}. Viewing in {TOWN}. {EMAIL1}
Cleaner available, {price}/hr, {HOOD} and {HOOD}. Call {NICK1} {PHONE}.
Found: set of keys with a {company} fob outside {PLACE}. Email {EMAIL1}.
""")

T["realestate"] = _T(r"""
{beds}-bed semi-detached house on {STREET}, {TOWN}. Guide price {houseprice}.
Spacious {sqm} apartment in {HOOD}, close to {SCHOOL} and {PARK}.
Viewings: contact {FULL1} at {vw} Estates, {PHONE}.
Address: {ADDR}. EPC rating C.
Available from {DATE}.
Open house {DATEW}, {time}–{time}.
Full details at {URL}.
Vendor: {MR2}. Chain free.
Newly renovated {sqm} loft with views over {PARK}.
Walking distance to {STADIUM} and the {company} supermarket.
{num} minutes to {AIRPORT} by train.
Agent: {FULL1}, {EMAIL1}, {PHONE}.
Charming cottage in {TOWN}, {COUNTY}, with a large garden.
Rent: {rent} per month, deposit {rent}. Pets considered.
Offers over {houseprice}. Sole agent {vw} Properties.
""")

T["travel"] = _T(r"""
Road trip through {STATE} and {STATE}: {num} miles, {small} flat tyres, one very patient {FIRST2}.
Crossing {CONTINENT} by train was the best decision we made; thanks {FIRST1} for the tip.
We spent {dur} in {REGION}, mostly around {TOWN}.
All the photos are at {URLP1}.
Day {small}: we took the early train from {CITY} to {TOWN} and hiked up to {PARK}.
Our host {FIRST1} made {dish} for breakfast and told us about growing up in {HOOD}.
We stayed at {HOTEL} ({price} a night); book via {URL}.
On {DATENY} we caught the ferry to {ISLAND} with {FIRST2} and {FIRST3}, two {nat} backpackers we met in {CITY}.
{COUNTRY} in {month} is {weather}, so pack layers.
Our guide, {FULL4} ({PHONE}), was brilliant; highly recommend!
Next stop: {CITY}, {COUNTRY}, then back to {CONTINENT}.
Our flight {flight} from {AIRPORT} was delayed by {dur}.
Don't miss {VENUE}; {FIRST1} says go before {time}.
We rented a {product} from a guy called {FIRST5} in {TOWN} for {price}.
{HOOD} is the place for {dish}; {RESTO} is the one everyone talks about.
It rained for {dur} straight, so we mostly played cards and read {book}.
Buses from {STREET} leave every {num} minutes.
{hashtag} {emoji}
If you're going to {REGION}, message me at {HANDLE1} and I'll share the map.
We crossed into {COUNTRY} on {DATE} and the border took {dur}.
""")

T["newsletter_head"] = _T(r"""
{SCHOOL} Newsletter – {month} edition
{CHURCH} Parish Bulletin, {DATEW}
{vw} {sport} Club – news, {MONYEAR}
From the Head's desk – {DATE}
Friends of {PARK}: spring update
""")

T["newsletter"] = _T(r"""
Our oldest member, {FULL6}, turns {AGE} on {DATENY}!
Read the full newsletter online at {URL}.
A big thank you to {TFULL1}, who retires this term after {yrs} years at {SCHOOL}.
Congratulations to {FULL2} (Year {kidage}) who won the {CITY} schools {sport} final {score}.
The bake sale on {DATEW} raised {price} for {org}.
Choir practice moves to {time} on {weekday}s at {CHURCH}.
Please welcome our new {job}, {MR3}.
Lost property: a {color} coat labelled "{FULL4}".
Our {holiday} service will be led by Rev. {FULL5}.
Club news: {FULL1} and {FIRST2} completed the {CITY} 10K on {DATENY}.
Subscriptions of {price} are due by {DATE}; pay {FULL3} (Treasurer) or transfer to {ID:iban}.
Get well soon to {FULL5}, who is recovering from {disease} at {HOSP}.
The minibus (reg {ID:plate}) will leave {ADDRS} at {time}.
Contact the office on {PHONE} or {EMAIL}.
Photos from the {holiday} fair: {URL}
Term ends on {DATENY}; school reopens {DATEW}.
Happy birthday to our oldest parishioner, {FULL6}, who turned {AGE} on {DATENY}!
Reminder: no dogs on the pitches at {PARK}.
Thanks to {company} for sponsoring the new kit.
The {holiday} concert is on {DATEW} at {VENUE}; tickets {price} from {FIRST3}.
Year {kidage} trip to {TOWN}: forms back to {FMR4} by {weekday}.
Prayers for the family of {FULL6}, who died on {DATE}.
""")

T["letter_open"] = _T(r"""
Dear Dr {LAST3},
Dear {FMR3},
Dear Doctor,
To the pharmacist at {HOSP},
Hello Dr. {LAST3},
Dear {HOSP} team,
""")

T["letter_child"] = _T(r"""
I'm writing about my {child1} {FIRST1}, who is {kidage} and has had a cough for {dur}.
{He1} was born on {DOB} and {his1} NHS number is {ID:nhs}.
The school nurse, {MR4}, said it might be {disease}.
{FIRST1}'s birthday is next week and {he1} is terrified of needles.
Is it safe to give {FIRST1} {drug} together with {drug}?
{He1} has been off {his1} food since {holiday} and only wants {dish}.
Can {he1} go back to {SCHOOL} on {weekday} or is {he1} still contagious?
{FIRST1} was diagnosed with {disease} in {YEAR} and usually takes {drug}.
{His1} {sib5} {FIRST5} had the same rash last {month}.
We're flying to {COUNTRY} on {DATE}; can {he1} travel with {drug}?
""")

T["letter_parent"] = _T(r"""
{His1} social security number is {ID:natid}, in case the hospital asks.
{He1} is {AGE} but still insists on doing the garden.
My {relp1}, {FULL1}, is {AGE} and lives alone at {ADDR}.
My {relp1}, {FULL1} (born {DOB}), has {disease} and lives with us in {HOOD}.
{He1} takes {drug} and {drug} every morning, but since {DATENY} {he1} has been very confused.
Could you please renew the prescription for {drug}? Our pharmacy is {HOSP} on {STREET}.
My {relp1} turned {AGE} on {DATENY} and is now very unsteady on {his1} feet.
Last time we saw {TFULL4} at {HOSP} on {DATE}, {he1} suggested {drug}.
Could we have a home visit at {ADDRS}? {He1} can't manage the stairs any more.
Patient: {FULL1}, DOB {DOB}.
{His1} insurance policy number is {ID:policy} if you need it.
I've attached the letter from {HOSP} dated {DATE}.
{He1} is allergic to {drug} and sometimes forgets to tell people.
""")

T["letter_pet"] = _T(r"""
Our {pet} has been limping since {weekday}; the vet at {HOSP} prescribed {petdrug}.
Is {petdrug} safe for a {pet} who is {kidage}?
We adopted {him1} from the shelter in {TOWN} in {MONYEAR}, so we don't know {his1} full history.
{He1} has been drinking a lot of water since {DATENY}, could it be diabetes?
Can we use the {drug} we have at home or is that dangerous for a {pet}?
Our insurance is with {company}, policy {ID:policy}.
The microchip number is {ID:device}, registered to my address, {ADDR}.
""")

T["letter_any"] = _T(r"""
You can reach me on {PHONE} or {EMAIL2} any time after {time}.
Sorry to bother you over {holiday}.
I'd be grateful for a call back on {PHONE}.
I can bring {him1} in on {DATEW} if that suits.
We've just moved from {CITY}, so we're new to the practice.
""")

T["letter_close"] = _T(r"""
Thank you,\n{FULL2}
Thank you,\n{FULL2} ({FIRST1}'s {relw})
Kind regards,\n{SIG2}
Many thanks,\n{FULL2}\n{PHONE}
Yours sincerely,\n{TFULL2}
Best wishes, {FIRST2}
""")


# =====================================================================================================================
# Genre builders: each returns a list of pieces for one text
# =====================================================================================================================

Pieces = list[Piece]


def join(parts: list[Pieces], sep: str) -> Pieces:
    out: Pieces = []
    for i, p in enumerate(parts):
        if i and sep:
            out.append(L(sep))
        out += p
    return out


def pick(doc: Doc, key: str, k: int) -> list[str]:
    pool = T[key]
    k = max(0, min(k, len(pool)))
    idx = sorted(doc.r.sample(range(len(pool)), k))
    return [pool[i] for i in idx]


def sents(doc: Doc, key: str, k: int, shuffle: bool = True) -> list[Pieces]:
    ts = pick(doc, key, k)
    if shuffle:
        doc.r.shuffle(ts)
    return [doc.seg(t) for t in ts]


def nsent(doc: Doc, lo: int, hi: int) -> int:
    return doc.r.randint(lo, hi)


def b_tweet(doc: Doc) -> Pieces:
    r = doc.r
    parts = sents(doc, "tweet", 1 if r.random() < 0.7 else 2)
    if r.random() < 0.25:
        parts.append(doc.seg(r.choice(["{hashtag}", "{hashtag} {hashtag}", "{emoji}", "{hashtag} {emoji}"])))
    sep = r.choice([" ", " ", "\n", "\n\n"])
    if sep == " " and len(parts) > 1 and parts[0] and parts[0][-1].text[-1:].isalnum():
        sep = ". "
    return join(parts, sep)


def b_comment(doc: Doc) -> Pieces:
    r = doc.r
    if r.random() < 0.35:  # a little thread of replies
        n = r.randint(2, 4)
        ts = pick(doc, "comment", n)
        r.shuffle(ts)
        lines = []
        for i, t in enumerate(ts):
            lab = r.choice(["{USER%d}: ", "{HANDLE%d}: ", "{FULL%d}: ", "{FIRST%d} replied: ", "↳ {USER%d}: "]) % (
                i % 3 + 1
            )
            lines.append(doc.seg(lab + t))
        return join(lines, "\n")
    return join(sents(doc, "comment", nsent(doc, 1, 3)), " ")


def b_forum(doc: Doc) -> Pieces:
    r = doc.r
    out = [doc.seg(r.choice(["Re: ", "", "[Thread] ", "RE: "]) + r.choice(T["forum_title"]))]
    budget = nsent(doc, 2, 6)
    k = 0
    while budget > 0:
        n = min(budget, r.randint(1, 3))
        budget -= n
        u = (k % 3) + 1 if k < 3 else r.randint(1, 3)
        head = r.choice(
            [
                f"Posted by {{USER{u}}} on {{DATE}} at {{clock}}",
                f"{{USER{u}}} wrote:",
                f"{{USER{u}}} · {{DATENY}}",
                f"#{k + 1} {{USER{u}}} ({{num}} posts)",
                f"Reply from {{USER{u}}}",
                f"{{USER{u}}} said:",
            ]
        )
        out.append(doc.seg(head))
        out.append(join(sents(doc, "forum", n), " "))
        k += 1
    return join(out, "\n")


def b_chat(doc: Doc) -> Pieces:
    r = doc.r
    nsp = 2 if r.random() < 0.75 else 3
    form = r.choice(["FIRST", "FIRST", "FIRST", "FULL", "NICK", "USER"])
    spk = {k: doc.pslot(form, k, None) for k in range(1, nsp + 1)}
    style = r.choice(
        [
            "[{clock}] {S}: ",
            "{S} ({clock}): ",
            "[{DAY} {clock}] {S}: ",
            "{DAY}, {clock} - {S}: ",
            "{S}: ",
            "{clock} <{S}> ",
            "{S}  {clock}\n",
            "{S} [{clock}]: ",
        ]
    )
    h, mi = r.randrange(6, 23), r.randrange(60)
    lines = []
    for i in range(nsent(doc, 2, 6)):
        k = (i % nsp) + 1 if r.random() < 0.7 else r.randint(1, nsp)
        mi += r.randrange(0, 9)
        h, mi = (h + mi // 60) % 24, mi % 60
        pre_t = style.replace("{clock}", f"{h:02d}:{mi:02d}")
        a, _, b = pre_t.partition("{S}")
        msg = doc.seg(r.choice(T["chat"]))
        lines.append(doc.seg(a) + [Piece(p.text, p.typ) for p in spk[k]] + [L(b)] + msg)
    return join(lines, "\n")


def b_email(doc: Doc) -> Pieces:
    r = doc.r
    out: list[Pieces] = []
    subj = r.choice(T["email_subject"])
    if r.random() < 0.75:
        hdr = [
            r.choice(["From: {FULL1} <{EMAIL1}>", "From: {EMAIL1}", 'From: "{LFULL1}" <{EMAIL1}>', "From: {FULL1}"]),
            r.choice(["To: {FULL2} <{EMAIL2}>", "To: {EMAIL2}", "To: {FULL2}", "To: {EMAIL2}, {EMAIL3}"]),
        ]
        if r.random() < 0.35:
            hdr.append(r.choice(["Cc: {FULL3} <{EMAIL3}>", "Cc: {EMAIL3}; {EMAIL4}", "CC: {FULL3}, {FULL4}"]))
        if r.random() < 0.6:
            hdr.append(r.choice(["Date: {DATEW} {clock}", "Sent: {DATEW} {clock}", "Date: {DATEW} at {clock}"]))
        hdr.append("Subject: " + subj)
        if r.random() < 0.3:
            r.shuffle(hdr)
        out.append(join([doc.seg(h) for h in hdr], "\n"))
    greet = r.choice(
        [
            "{greet} {FIRST2},",
            "Dear {FMR2},",
            "Hi all,",
            "Dear Sir or Madam,",
            "{FIRST2} –",
            "Hello {NICK2},",
            "{greet} {FIRST2} and {FIRST3},",
            "Dear {TFULL2},",
            "{greet},",
        ]
    )
    body = sents(doc, "email_body", nsent(doc, 1, 4))
    close = r.choice(
        [
            "{signoff},\n{SIG1}",
            "{signoff}\n{SIG1}",
            "{signoff},\n{FULL1}\n{job}{?, {company}}\n{PHONE}",
            "{signoff},\n{FULL1}\n{job} {pipe} {company}\n{ADDR}\nT: {PHONE}",
            "{signoff}, {SIG1}",
            "— {SIG1}\nSent from my iPhone",
            "{signoff},\n{TFULL1}\n{job}, {HOSP}",
            "{signoff},\n{INIT1}",
        ]
    )
    out.append(doc.seg(greet))
    out.append(join(body, r.choice([" ", "\n\n", "\n"])))
    out.append(doc.seg(close))
    if r.random() < 0.3:
        if r.random() < 0.5:
            q = doc.seg("On {DATEW}, at {clock}, {FULL2} <{EMAIL2}> wrote:")
        else:
            q = doc.seg(
                "-----Original Message-----\nFrom: {FULL2} <{EMAIL2}>\nSent: {DATEW} {clock}\nTo: {FULL1}\nSubject: "
                + subj
            )
        qs = [[L("> ")] + s for s in sents(doc, "email_quote", r.randint(1, 2))]
        out.append(join([q] + qs, "\n"))
    return join(out, "\n\n")


def b_meeting(doc: Doc) -> Pieces:
    r = doc.r
    out = [doc.seg(r.choice(T["meeting_head"]))]
    n = r.randint(2, 5)
    forms = ["{FULL%d}", "{FULL%d}", "{FIRST%d}", "{INIT%d}", "{FULL%d} ({company})", "{FL%d}"]
    att = ", ".join(r.choice(forms) % k for k in range(1, n + 1))
    out.append(doc.seg(r.choice(["Attendees: ", "Present: ", "Attending: ", "In attendance: "]) + att))
    if r.random() < 0.4:
        out.append(doc.seg("Apologies: {FULL%d}" % (n + 1)))
    if r.random() < 0.4:
        out.append(doc.seg("Location: {{VENUE}|{software}|Room {roomno}|{HOTEL}|{SCHOOL}|{ADDR}}"))
    out += sents(doc, "meeting", nsent(doc, 2, 5))
    return join(out, "\n")


def b_credits(doc: Doc) -> Pieces:
    r = doc.r
    key = "credits_film" if r.random() < 0.55 else "credits_music"
    out = []
    if r.random() < 0.5:
        out.append(
            doc.seg(
                r.choice(
                    [
                        "A film by {FULL1}",
                        "{film}",
                        "Liner notes",
                        "Credits",
                        "“{song}” (single)",
                        "Personnel",
                        "{show}, series {small}",
                    ]
                )
            )
        )
    out += sents(doc, key, nsent(doc, 3, 6), shuffle=False)
    return join(out, "\n")


def b_prose(key: str, lo: int, hi: int, shuffle: bool = False, sep: str = " "):
    def f(doc: Doc) -> Pieces:
        return join(sents(doc, key, nsent(doc, lo, hi), shuffle=shuffle), sep)

    return f


def b_wedding(doc: Doc) -> Pieces:
    r = doc.r
    doc.sexes.update(
        {1: "F", 2: "M"} if r.random() < 0.85 else {1: "F", 2: "F"} if r.random() < 0.5 else {1: "M", 2: "M"}
    )
    doc.sexes.update({3: "M", 4: "F", 5: "M", 6: "F"})
    doc.links.update({3: 1, 4: 1} if r.random() < 0.8 else {3: 1})
    if r.random() < 0.7:
        doc.links[5] = 2
    return join(sents(doc, "wedding", nsent(doc, 2, 5), shuffle=False), " ")


def b_birth(doc: Doc) -> Pieces:
    r = doc.r
    doc.sexes.update({1: "F", 2: "M"} if r.random() < 0.8 else {1: "M", 2: "F"})
    doc.sexes[6] = "F"
    doc.links.update({3: 1, 4: 1})
    if r.random() < 0.6:
        doc.links[5] = 1
    return join(sents(doc, "birth", nsent(doc, 2, 5), shuffle=False), " ")


def b_obit(doc: Doc) -> Pieces:
    r = doc.r
    if r.random() < 0.7:
        doc.links.update({3: 1, 4: 1})
    if r.random() < 0.6:
        doc.links[2] = 1
    return join(sents(doc, "obit_lead", 1) + sents(doc, "obit", nsent(doc, 1, 5), shuffle=False), " ")


def b_review(key: str):
    def f(doc: Doc) -> Pieces:
        r = doc.r
        out = [join(sents(doc, key, nsent(doc, 1, 4)), " ")]
        if r.random() < 0.55:
            out.append(doc.seg(r.choice(T["review_sig"])))
        return join(out, "\n")

    return f


def b_ticket(doc: Doc) -> Pieces:
    r = doc.r
    out = [doc.seg(r.choice(T["ticket_head"]))] if r.random() < 0.7 else []
    out += sents(doc, "ticket", nsent(doc, 2, 5), shuffle=False)
    return join(out, "\n")


def b_lines(key: str, lo: int, hi: int, seps=("\n",)):
    def f(doc: Doc) -> Pieces:
        return join(sents(doc, key, nsent(doc, lo, hi), shuffle=False), doc.r.choice(seps))

    return f


def b_form(doc: Doc) -> Pieces:
    r = doc.r
    out = []
    if r.random() < 0.5:
        out.append(
            doc.seg(
                r.choice(
                    [
                        "Registration form",
                        "PATIENT INTAKE FORM",
                        "Membership application — {vw} {sport} Club",
                        "New customer details",
                        "Booking form – {HOTEL}",
                        "Volunteer sign-up ({org})",
                        "Tenant application",
                        "Emergency contact sheet – {SCHOOL}",
                        "Rental agreement",
                    ]
                )
            )
        )
    fields = sents(doc, "form", nsent(doc, 3, 8), shuffle=False)
    sep = r.choice(["\n", "\n", "\n", "; ", " | ", "\n\n"])
    out.append(join(fields, sep))
    return join(out, "\n")


CSV_COLS = [
    ("name", "{FULL%d}", True),
    ("full_name", "{LFULL%d}", True),
    ("first_name", "{FIRST%d}", False),
    ("last_name", "{LAST%d}", False),
    ("email", "{EMAIL%d}", False),
    ("phone", "{PHONE}", False),
    ("city", "{CITY}", False),
    ("country", "{COUNTRY}", False),
    ("dob", "{DATENUM}", False),
    ("joined", "{DATEISO}", False),
    ("customer_id", "{ID:customer}", False),
    ("amount", "{price}", True),
    ("status", "{active|pending|cancelled|paid|refunded|shipped}", False),
    ("job_title", "{job}", False),
    ("company", "{company}", True),
    ("plate", "{ID:plate}", False),
    ("ip", "{IP}", False),
    ("address", "{ADDR}", True),
    ("age", "{age}", False),
    ("product", "{product}", False),
    ("handle", "{HANDLE%d}", False),
    ("member_no", "{ID:member}", False),
    ("notes", "{called back|no answer|VIP|{disease}|paid cash|{holiday} order}", True),
]


def b_csv(doc: Doc) -> Pieces:
    r = doc.r
    cols = r.sample(CSV_COLS, r.randint(3, 6))
    if not any("%d" in c[1] for c in cols):
        cols[0] = CSV_COLS[r.choice([0, 1, 2, 4])]
    sep = r.choice([",", ",", ";", "\t", " | "])
    case = r.choice([str, str.upper, str.title])
    lines = []
    if r.random() < 0.85:
        lines.append(
            doc.seg(
                sep.join(case(c[0]) if sep != " | " else case(c[0]).replace("_", " ") for c in cols).replace(
                    "|", "{pipe}"
                )
            )
        )
    for k in range(1, r.randint(2, 5) + 1):
        cells = []
        for _, t, q in cols:
            t = t % k if "%d" in t else t
            if (q and sep == ",") or (t.startswith("{ADDR") and sep == ",") or r.random() < 0.05:
                t = '"' + t + '"'
            cells.append(t)
        row = sep.replace("|", "{pipe}").join(cells)
        lines.append(doc.seg(row))
    return join(lines, "\n")


def b_letter(doc: Doc) -> Pieces:
    r = doc.r
    theme = r.choice(["letter_child", "letter_parent", "letter_pet"])
    if (theme == "letter_child" and r.random() < 0.7) or (theme == "letter_parent" and r.random() < 0.4):
        doc.links[1] = 2  # the patient shares the writer's surname
    out = [doc.seg(r.choice(T["letter_open"]))]
    body = sents(doc, theme, nsent(doc, 1, 4), shuffle=False)
    if r.random() < 0.4:
        body += sents(doc, "letter_any", 1)
    out.append(join(body, r.choice([" ", "\n"])))
    close = r.choice([c for c in T["letter_close"] if theme != "letter_pet" or "{relw}" not in c])
    close = close.replace("{relw}", "{child2}" if theme == "letter_parent" else "{parent2}")
    out.append(doc.seg(close))
    return join(out, "\n\n" if r.random() < 0.5 else "\n")


def b_newsletter(doc: Doc) -> Pieces:
    r = doc.r
    out = [doc.seg(r.choice(T["newsletter_head"]))] if r.random() < 0.6 else []
    items = sents(doc, "newsletter", nsent(doc, 2, 5))
    out.append(join(items, r.choice(["\n", "\n\n", " ", "\n• "])))
    return join(out, "\n")


def b_classified(doc: Doc) -> Pieces:
    r = doc.r
    n = 1 if r.random() < 0.6 else 2
    ads = []
    for i, t in enumerate(pick(doc, "classified", n)):
        if i:  # a second advertiser
            t = re.sub(r"\{([A-Z]+)1\}", r"{\g<1>2}", t)
            t = re.sub(r"\{([a-z]+)1\}", r"{\g<1>2}", t)
        ads.append(doc.seg(t))
    return join(ads, "\n\n")


GENRES: dict[str, tuple[float, object]] = {
    "tweet": (10, b_tweet),
    "comment": (6, b_comment),
    "forum": (5, b_forum),
    "chat": (6, b_chat),
    "email": (9, b_email),
    "meeting_notes": (4, b_meeting),
    "credits": (4, b_credits),
    "author_bio": (3, b_prose("bio", 2, 5)),
    "obituary": (3, b_obit),
    "wedding": (2, b_wedding),
    "birth": (2, b_birth),
    "news_sports": (3, b_prose("news_sports", 2, 5, shuffle=True)),
    "news_politics": (3, b_prose("news_politics", 2, 5, shuffle=True)),
    "news_business": (3, b_prose("news_business", 2, 5, shuffle=True)),
    "review_product": (3, b_review("review_product")),
    "review_hotel": (3, b_review("review_hotel")),
    "review_restaurant": (3, b_review("review_resto")),
    "support_ticket": (4, b_ticket),
    "order_confirmation": (3, b_lines("order", 3, 6)),
    "form": (4, b_form),
    "csv": (2, b_csv),
    "cv": (4, b_lines("cv", 3, 6, ("\n", "\n", " · ", "\n\n"))),
    "invitation": (3, b_lines("invite", 2, 5, ("\n", " ", "\n\n"))),
    "classified": (3, b_classified),
    "real_estate": (2, b_prose("realestate", 2, 5, shuffle=True)),
    "travel_blog": (4, b_prose("travel", 2, 6)),
    "newsletter": (4, b_newsletter),
    "letter_to_doctor": (4, b_letter),
}
LOWER_P = {"tweet": 0.30, "comment": 0.15, "chat": 0.25, "forum": 0.08, "classified": 0.03}
INFORMAL = {"tweet", "comment", "chat", "forum", "review_product", "review_hotel", "review_restaurant", "travel_blog"}


# =====================================================================================================================
# Assembly, validation, report
# =====================================================================================================================


def assemble(pieces: Pieces) -> tuple[str, list[dict], list[dict]]:
    """Concatenate pieces; record each identifier's offsets as it is appended."""
    while pieces and pieces[0].typ is None and not pieces[0].text.strip():
        pieces = pieces[1:]
    while pieces and pieces[-1].typ is None and not pieces[-1].text.strip():
        pieces = pieces[:-1]
    if pieces and pieces[0].typ is None:
        pieces[0] = L(pieces[0].text.lstrip())
    if pieces and pieces[-1].typ is None:
        pieces[-1] = L(pieces[-1].text.rstrip())
    buf: list[str] = []
    spans: list[dict] = []
    ignore: list[dict] = []
    pos = 0
    prev: Piece | None = None
    for p in pieces:
        t = p.text
        if p.typ is None and prev is not None and prev.typ and prev.text.endswith(".") and t.startswith("."):
            t = t[1:]  # "Jr." + "." -> "Jr."
        if not t:
            continue
        if p.typ:
            if t != t.strip():
                raise ValueError(f"identifier piece with edge whitespace: {t!r}")
            if p.typ == IGN:
                ignore.append({"start": pos, "end": pos + len(t)})
            else:
                spans.append({"start": pos, "end": pos + len(t), "type": p.typ})
        buf.append(t)
        pos += len(t)
        prev = Piece(t, p.typ)
    return "".join(buf), spans, ignore


def merge_names(pieces: Pieces) -> Pieces:
    """'{FIRST3} {LAST1}' gives two NAME pieces around one space: one full name, one span."""
    out: Pieces = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if (
            p.typ == "NAME"
            and out
            and out[-1].typ is None
            and out[-1].text == " "
            and len(out) > 1
            and out[-2].typ == "NAME"
        ):
            out.pop()
            out[-1] = Piece(out[-1].text + " " + p.text, "NAME")
        else:
            out.append(p)
        i += 1
    return out


def make_text(idx: int, seed: int, pools: Pools) -> tuple[dict, Counter]:
    gr = random.Random(f"genre|{seed}|{idx}")
    names = list(GENRES)
    genre = gr.choices(names, [GENRES[g][0] for g in names])[0]
    doc = Doc(idx, seed, pools, genre)
    pieces = merge_names(GENRES[genre][1](doc))
    r = doc.r
    lower = r.random() < LOWER_P.get(genre, 0.0)
    if lower:
        for p in pieces:
            p.text = p.text.lower()
        doc.stats["lowercased_texts"] += 1
    elif genre in INFORMAL:
        for p in pieces:
            if p.typ == "NAME" and r.random() < 0.05:
                p.text = p.text.lower()
                doc.stats["lowercased_names"] += 1
    text, spans, ignore = assemble(pieces)
    rec = {"id": f"q{idx + 1:05d}", "genre": genre, "text": text, "spans": spans, "ignore": ignore}
    return rec, doc.stats


WORDCH = re.compile(r"\w")


def validate(rec: dict) -> list[str]:
    errs: list[str] = []
    text = rec["text"]
    allr = [(s["start"], s["end"], s.get("type", IGN)) for s in rec["spans"]] + [
        (s["start"], s["end"], IGN) for s in rec["ignore"]
    ]
    allr.sort()
    prev_end = -1
    for start, end, typ in allr:
        if typ != IGN and typ not in TYPES:
            errs.append(f"bad type {typ}")
        if not (0 <= start < end <= len(text)):
            errs.append(f"bad offsets {start}-{end}")
            continue
        if start < prev_end:
            errs.append(f"overlap at {start}: {text[start:end]!r}")
        prev_end = max(prev_end, end)
        s = text[start:end]
        if s != s.strip():
            errs.append(f"edge whitespace {s!r}")
        if not (s[0].isalnum() or s[0] in EDGE_START_OK):
            errs.append(f"bad first char {s!r}")
        if not (
            s[-1].isalnum()
            or s[-1] in EDGE_END_OK
            or (s[-1] == "_" and typ in ("ID", "URL"))
            or (s[-1] == "." and typ in ("NAME", "DATE", "LOCATION", "ADDRESS", IGN) and s[-2:-1].isalnum())
        ):
            errs.append(f"bad last char {s!r}")
        if start > 0 and WORDCH.match(text[start - 1]):
            errs.append(f"span starts inside a word: {text[max(0, start - 5) : end]!r}")
        if end < len(text) and WORDCH.match(text[end]):
            errs.append(f"span ends inside a word: {text[start : end + 5]!r}")
        if typ == "AGE" and not (s.isdigit() and int(s) > 89):
            errs.append(f"bad AGE {s!r}")
        if typ == "DATE" and re.fullmatch(r"\d{4}", s):
            errs.append(f"lone year as DATE {s!r}")
    return errs


def check_templates(seed: int, pools: Pools) -> list[str]:
    """Every template expands (all slots known, braces balanced); the inventory is large enough."""
    errs: list[str] = []
    allt = [t for v in T.values() for t in v]
    if len(set(allt)) < 250:
        errs.append(f"only {len(set(allt))} distinct templates")
    for i, t in enumerate(allt):
        doc = Doc(10**6 + i, seed, pools, "check")
        try:
            for _ in range(3):
                doc.seg(t)
        except (KeyError, ValueError) as e:
            errs.append(f"{t!r}: {e}")
    return errs


def generate(n: int, seed: int, pools: Pools) -> tuple[list[dict], Counter]:
    total: Counter = Counter()
    recs = []
    for i in range(n):
        rec, st = make_text(i, seed, pools)
        recs.append(rec)
        total.update(st)
    return recs, total


def report(recs: list[dict], stats: Counter) -> None:
    by_type = Counter(s["type"] for r in recs for s in r["spans"])
    by_genre = Counter(r["genre"] for r in recs)
    per_genre_spans = Counter()
    for r in recs:
        per_genre_spans[r["genre"]] += len(r["spans"])
    allt = [t for v in T.values() for t in v]
    print(f"texts: {len(recs)}   templates: {len(allt)} ({len(set(allt))} distinct)")
    print(f"spans: {sum(by_type.values())}  by type: {dict(by_type.most_common())}")
    print(f"ignore ranges: {sum(len(r['ignore']) for r in recs)}")
    print("genres (texts / spans):")
    for g, c in sorted(by_genre.items(), key=lambda x: -x[1]):
        print(f"  {g:<20} {c:>5} {per_genre_spans[g]:>6}")
    no_pii = sum(1 for r in recs if not r["spans"])
    lens = [len(r["text"]) for r in recs]
    print(
        f"texts without identifiers: {no_pii};  length chars min {min(lens)} mean {sum(lens) / len(lens):.0f} max {max(lens)}"
    )
    print(
        f"lower-cased texts: {stats['lowercased_texts']}  lower-cased names in mixed-case texts: {stats['lowercased_names']}  "
        f"shouted segments: {stats['shouted_segments']}"
    )
    print("name forms: " + ", ".join(f"{k[5:]}={v}" for k, v in sorted(stats.items()) if k.startswith("name_")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--examples", type=int, default=0, help="print this many example texts with their spans")
    ap.add_argument("--no-selfcheck", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    pools = Pools(args.seed)
    errs = check_templates(args.seed, pools)
    if errs:
        sys.exit("template check failed:\n" + "\n".join(errs[:30]))
    recs, stats = generate(args.n, args.seed, pools)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.no_selfcheck:
        return

    # self-check: read the file back; offsets, overlaps, edges; determinism in-process and across processes
    back = [json.loads(ln) for ln in args.out.read_text(encoding="utf-8").splitlines()]
    bad = 0
    for rec in back:
        e = validate(rec)
        if e:
            bad += 1
            if bad <= 15:
                print(rec["id"], rec["genre"], e[:4], file=sys.stderr)
    ids = [r["id"] for r in back]
    if len(set(ids)) != len(ids) or len(back) != args.n:
        bad += 1
        print("duplicate ids or wrong count", file=sys.stderr)
    pools2 = Pools(args.seed)
    for i in range(0, args.n, max(1, args.n // 40)):
        if make_text(i, args.seed, pools2)[0] != back[i]:
            bad += 1
            print(f"not deterministic: text {i}", file=sys.stderr)
            break
    k = min(args.n, 200)
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td) / "again.jsonl"
        env = dict(os.environ, PYTHONHASHSEED=str(args.seed + 977))
        subprocess.run(
            [sys.executable, __file__, "--seed", str(args.seed), "--n", str(k), "--out", str(tmp), "--no-selfcheck"],
            check=True,
            env=env,
        )
        if tmp.read_text(encoding="utf-8").splitlines() != args.out.read_text(encoding="utf-8").splitlines()[:k]:
            bad += 1
            print("not reproducible in a second process", file=sys.stderr)
    report(back, stats)
    print(f"wrote {args.out}")
    for rec in back[: args.examples]:
        print("-" * 100)
        print(f"{rec['id']} ({rec['genre']})")
        print(rec["text"])
        for s in rec["spans"]:
            print(f"  {s['type']:<8} {rec['text'][s['start'] : s['end']]!r}")
        for s in rec["ignore"]:
            print(f"  ignore   {rec['text'][s['start'] : s['end']]!r}")
    if bad:
        sys.exit(f"self-check FAILED for {bad} records")
    print("self-check OK")


if __name__ == "__main__":
    main()
