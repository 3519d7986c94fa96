/** Name pools for the demo data: common Swedish names and names from families of other backgrounds. */
export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

const split = (s: string) => s.trim().split(/\s+/);

export const SWEDISH: NamePool = {
  female: split(`Alice Maja Elsa Astrid Wilma Freja Olivia Selma Alma Ebba Vera Agnes Clara Saga Alva Ella
    Stella Ellen Lilly Signe Tyra Ines Moa Nova Elvira Edith Leah Hedda Juni Märta Siri Greta Svea Tilda Linnea
    Ida Emma Julia Hanna Sara Matilda Elin Lova Åsa Anna Eva Karin Kerstin Lena Maria Sofia Malin Johanna Åsa
    Emelie Frida Therese Jenny Annika Helena Ulrika Camilla Linda Petra Cecilia Märit Sanna Ylva Birgitta Ingrid`),
  male: split(`William Liam Noah Hugo Lucas Oliver Adam Elias Alexander Matteo Leo Oscar Vincent Nils Ture
    Gustav Theo Axel Ludvig Viggo Harry Arvid Filip Olle Sixten Melvin Isak August Albin Valter Charlie Love
    Erik Karl Lars Anders Johan Per Mikael Jonas Fredrik Magnus Henrik Martin Andreas Daniel Mattias Björn
    Stefan Patrik Tobias Jesper Niklas Joakim Göran Håkan Sören Åke Örjan Mats Ola Rickard Emil Anton Jakob`),
  family: split(`Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
    Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström Olofsson
    Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson
    Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman
    Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren
    Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Ek Öberg Ängström Åberg Östlund
    Åkesson Sjögren Strömberg Hägglund Dahlström Ström Åström Lövgren Ågren Fält Söderström Hedström`),
};

/** Names popular among children born in the 2010s (pupils get these; adults get the whole list). */
export const SWEDISH_CHILDREN: NamePool = {
  female: SWEDISH.female.slice(0, SWEDISH.female.indexOf('Lova') + 1),
  male: SWEDISH.male.slice(0, SWEDISH.male.indexOf('Love') + 1),
  family: SWEDISH.family,
};

export const FINNISH: NamePool = {
  female: split('Aino Helmi Sanna Riikka Tuula Päivi Minna Satu Kaisa Liisa'),
  male: split('Eero Mikko Juha Jari Timo Pekka Antti Ville Matti Ilkka'),
  family: split('Virtanen Korhonen Mäkinen Nieminen Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen'),
};

export const ARABIC: NamePool = {
  female: split('Fatima Maryam Noor Amira Layla Sara Yasmin Hiba Rania Zainab Aya Salma Lina Dalia'),
  male: split('Mohammed Ahmed Ali Omar Yusuf Hassan Ibrahim Khalid Karim Samir Adam Mustafa Hamza Zakaria'),
  family: split('Hassan Ali Mohammed Ahmed Ibrahim Khalil Haddad Saleh Mansour Nasser Abbas Yousef Darwish'),
};

export const SOMALI: NamePool = {
  female: split('Hodan Ayaan Ifrah Sagal Hibo Nasra Ubah Faduma Hawa Ilhan'),
  male: split('Abdi Abdirahman Farah Mahad Liban Guled Mohamed Bashir Abdullahi Yasin'),
  family: split('Abdi Farah Warsame Omar Jama Hersi Aden Osman Nur Dahir'),
};

export const PERSIAN: NamePool = {
  female: split('Shirin Parisa Leila Nasrin Mina Roya Sahar Azadeh Darya Nazanin'),
  male: split('Reza Dariush Kian Arash Babak Farid Omid Navid Amir Sina'),
  family: split('Rahimi Karimi Hosseini Ahmadi Moradi Jafari Rostami Sadeghi Tehrani Mohammadi'),
};

export const BALKAN: NamePool = {
  female: split('Amra Lejla Emina Jasmina Selma Ajla Merima Mirela Ivana Dragana'),
  male: split('Emir Amar Tarik Kenan Haris Adnan Dino Nikola Marko Stefan'),
  family: split('Hodžić Hadžić Begić Kovačević Mehmedović Jovanović Petrović Ahmetović Delić Husić'),
};

export const POLISH: NamePool = {
  female: split('Zofia Maja Hanna Oliwia Natalia Agnieszka Katarzyna Magdalena Joanna Ewa'),
  male: split('Jakub Kacper Szymon Piotr Tomasz Krzysztof Paweł Michał Wojciech Łukasz'),
  family: split('Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski'),
};

export const TURKISH_KURDISH: NamePool = {
  female: split('Elif Zeynep Ayşe Dilan Rojda Berfin Evin Hêlîn Derya Esra'),
  male: split('Emre Mehmet Burak Can Deniz Baran Rojhat Serhat Zana Kerem'),
  family: split('Yilmaz Kaya Demir Şahin Çelik Aydin Doğan Arslan Zana Baran'),
};

export const TIGRINYA: NamePool = {
  female: split('Senait Helen Selam Rahel Ruta Feven Saba Yordanos Hiwet Meron'),
  male: split('Yonas Daniel Samuel Filmon Dawit Aron Robel Henok Mikael Tesfay'),
  family: split('Tesfaye Haile Gebremedhin Berhane Kidane Tekle Ghebreab Woldu Asmerom Negash'),
};

/** Background of a generated family, with weights giving a plausible Swedish municipality. */
export const BACKGROUNDS: readonly (readonly [NamePool, number])[] = [
  [SWEDISH, 74], [FINNISH, 4], [ARABIC, 7], [SOMALI, 3], [PERSIAN, 3], [BALKAN, 3],
  [POLISH, 2], [TURKISH_KURDISH, 2], [TIGRINYA, 2],
];

export const STREETS = split(`Storgatan Kyrkogatan Skolgatan Björkvägen Lärkstigen Ekbacken Lindallén Tallvägen
  Granvägen Rönnvägen Aspvägen Hagvägen Ängsvägen Åkervägen Sjövägen Kvarngatan Bruksgatan Järnvägsgatan
  Drottninggatan Prästgårdsvägen Solrosvägen Blåbärsstigen Lingonvägen Hästhagsvägen Mejerigatan Smedjegatan
  Fältvägen Bäckvägen Tornsvalevägen Vitsippsvägen Klövervägen Ödegårdsvägen Åsvägen Västergatan Östergatan`);

/** Lower-case ASCII of a name, for e-mail addresses (å ä → a, ö → o, é → e, ł → l …). */
export function asciiName(name: string): string {
  return name.toLowerCase().replace(/ł/g, 'l').replace(/ı/g, 'i')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
}
