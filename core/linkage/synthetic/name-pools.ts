/**
 * Name, citizenship and telephone data for the synthetic person generator. Lists are ordered
 * roughly by frequency (the generator applies Zipf weights by position) and are extended by a
 * generated long tail of surnames per culture, so that a million records hold thousands of
 * surnames as real registers do, with a few very common ones (Nguyễn, Mohammed, Ivanov) that
 * exercise term-frequency adjustment.
 *
 * Arabic entries carry the script form and the Latin spellings found in documents; Cyrillic
 * entries carry the script form, and Latin spellings come from several transliteration systems
 * (see `cyrillic-systems.ts`) plus conventional forms ("Alexander").
 */

export type TScript = 'latin' | 'arabic' | 'cyrillic';

/** A name as a culture writes it: `script` is the native form when it is not Latin. */
export interface TNameEntry {
  /** Native non-Latin form (Arabic or Cyrillic), absent for Latin-script cultures. */
  native?: string;
  /** Latin spellings, most common first. For Cyrillic entries, conventional spellings only. */
  latin: readonly string[];
}

export interface TCulture {
  code: string;
  script: TScript;
  /** Share of the synthetic population. */
  weight: number;
  /** ISO 3166-1 alpha-3 citizenships with weights. */
  citizenships: readonly (readonly [string, number])[];
  givenMale: readonly TNameEntry[];
  givenFemale: readonly TNameEntry[];
  surnames: readonly TNameEntry[];
  /** Surname shown first in this culture's own documents (Vietnamese), which invites swaps. */
  surnameFirst?: boolean;
}

/** International dialling codes of the citizenships used. */
export const DIALLING_CODES: Readonly<Record<string, string>> = {
  GBR: '44', IRL: '353', USA: '1', ESP: '34', MEX: '52', COL: '57', VEN: '58', HND: '504', GTM: '502',
  ROU: '40', MDA: '373', NGA: '234', GHA: '233', VNM: '84', SYR: '963', IRQ: '964', EGY: '20',
  MAR: '212', SDN: '249', RUS: '7', UKR: '380', BLR: '375',
};

const latin = (...names: string[]): TNameEntry[] => names.map((n) => ({ latin: [n] }));
const ar = (native: string, ...spellings: string[]): TNameEntry => ({ native, latin: spellings });
const cy = (native: string, ...conventional: string[]): TNameEntry => ({ native, latin: conventional });

const ENGLISH: TCulture = {
  code: 'en', script: 'latin', weight: 0.11,
  citizenships: [['GBR', 6], ['IRL', 1], ['USA', 3]],
  givenMale: latin('James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
    'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kevin', 'Brian',
    'George', 'Edward', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Oliver', 'Harry', 'Jack',
    'Connor', 'Liam', 'Noah', 'Callum', 'Kyle', 'Dylan', 'Lewis'),
  givenFemale: latin('Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
    'Nancy', 'Lisa', 'Margaret', 'Sandra', 'Ashley', 'Emily', 'Donna', 'Michelle', 'Dorothy', 'Carol', 'Amanda', 'Melissa',
    'Deborah', 'Stephanie', 'Rebecca', 'Laura', 'Sharon', 'Cynthia', 'Kathleen', 'Amy', 'Olivia', 'Amelia', 'Isla',
    'Ava', 'Jade', 'Chloe', 'Megan', 'Siobhan', 'Niamh', 'Aoife'),
  surnames: latin('Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
    'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis',
    'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore',
    'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', "O'Brien", 'Murphy', 'Kelly', "O'Sullivan",
    'Walsh', 'McCarthy', 'Byrne', 'Ryan', 'Doyle', 'Gallagher'),
};

const SPANISH: TCulture = {
  code: 'es', script: 'latin', weight: 0.14,
  citizenships: [['ESP', 2], ['MEX', 2], ['COL', 2], ['VEN', 2], ['HND', 1], ['GTM', 1]],
  givenMale: latin('José', 'Juan', 'Luis', 'Carlos', 'Jesús', 'Antonio', 'Miguel', 'Manuel', 'Francisco', 'Javier',
    'Jorge', 'Pedro', 'Alejandro', 'Andrés', 'Fernando', 'Ricardo', 'Sergio', 'Diego', 'Raúl', 'Rubén', 'Óscar',
    'Víctor', 'Eduardo', 'Roberto', 'Mario', 'Héctor', 'Ángel', 'Iván', 'Hugo', 'Rafael', 'Gustavo', 'Julián',
    'Emilio', 'Joaquín', 'Ramón', 'Santiago', 'Mateo', 'Sebastián', 'Nicolás', 'Gonzalo'),
  givenFemale: latin('María', 'Carmen', 'Ana', 'Isabel', 'Laura', 'Lucía', 'Marta', 'Elena', 'Patricia', 'Rosa',
    'Sofía', 'Paula', 'Cristina', 'Andrea', 'Valentina', 'Camila', 'Daniela', 'Gabriela', 'Natalia', 'Mónica',
    'Verónica', 'Adriana', 'Beatriz', 'Teresa', 'Pilar', 'Dolores', 'Guadalupe', 'Yesenia', 'Marisol', 'Ximena',
    'Lorena', 'Raquel', 'Silvia', 'Alejandra', 'Julia', 'Claudia', 'Inés', 'Nuria', 'Begoña', 'Lourdes'),
  surnames: latin('García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez',
    'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez',
    'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales',
    'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias', 'Medina',
    'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto'),
};

const ROMANIAN: TCulture = {
  code: 'ro', script: 'latin', weight: 0.13,
  citizenships: [['ROU', 8], ['MDA', 2]],
  givenMale: latin('Ion', 'Andrei', 'Alexandru', 'Mihai', 'Gheorghe', 'Vasile', 'Constantin', 'Nicolae', 'Ștefan',
    'Florin', 'Daniel', 'Marius', 'Adrian', 'Cristian', 'Ionuț', 'Gabriel', 'Bogdan', 'Răzvan', 'Cătălin', 'Sorin',
    'Dumitru', 'Petru', 'Viorel', 'Lucian', 'Ciprian', 'Dragoș', 'Radu', 'Sergiu', 'Valentin', 'Victor', 'Octavian',
    'Emil', 'Costel', 'Liviu', 'Tudor', 'Laurențiu', 'Cosmin', 'Vlad', 'Eugen', 'Silviu'),
  givenFemale: latin('Maria', 'Elena', 'Ioana', 'Ana', 'Andreea', 'Mihaela', 'Gabriela', 'Cristina', 'Alexandra',
    'Daniela', 'Nicoleta', 'Florentina', 'Georgiana', 'Simona', 'Ramona', 'Alina', 'Roxana', 'Diana', 'Oana',
    'Adriana', 'Loredana', 'Larisa', 'Bianca', 'Irina', 'Mădălina', 'Cătălina', 'Raluca', 'Denisa', 'Iuliana',
    'Ionela', 'Violeta', 'Lăcrămioara', 'Camelia', 'Corina', 'Lavinia', 'Petruța', 'Teodora', 'Viorica', 'Aurelia', 'Doina'),
  surnames: latin('Popa', 'Popescu', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu',
    'Ionescu', 'Rusu', 'Mihai', 'Constantin', 'Munteanu', 'Marin', 'Lazăr', 'Florea', 'Moldovan', 'Dinu', 'Tudor',
    'Ștefan', 'Barbu', 'Dobre', 'Nistor', 'Ene', 'Toma', 'Sandu', 'Oprea', 'Dragomir', 'Lungu', 'Ursu', 'Cristea',
    'Răducanu', 'Zamfir', 'Bălan', 'Nedelcu', 'Preda', 'Vasilescu', 'Dumitrescu', 'Georgescu', 'Manea', 'Neagu',
    'Iordache', 'Cojocaru', 'Moraru', 'Roșca', 'Țurcanu', 'Bejan', 'Căpraru'),
};

const NIGERIAN: TCulture = {
  code: 'ng', script: 'latin', weight: 0.13,
  citizenships: [['NGA', 8], ['GHA', 2]],
  givenMale: latin('Chinedu', 'Emeka', 'Oluwaseun', 'Adebayo', 'Tunde', 'Chukwuemeka', 'Ibrahim', 'Musa', 'Abubakar',
    'Uchenna', 'Ikechukwu', 'Olumide', 'Segun', 'Babatunde', 'Kelechi', 'Obinna', 'Yusuf', 'Sani', 'Aliyu', 'Kwame',
    'Kofi', 'Kwabena', 'Yaw', 'Femi', 'Dayo', 'Nnamdi', 'Chidi', 'Tobi', 'Godwin', 'Emmanuel', 'Samuel', 'Daniel',
    'Victor', 'Peter', 'Felix', 'Sunday', 'Friday', 'Innocent', 'Blessing', 'Precious'),
  givenFemale: latin('Ngozi', 'Chioma', 'Adaeze', 'Funmilayo', 'Folake', 'Blessing', 'Grace', 'Joy', 'Mercy', 'Esther',
    'Precious', 'Favour', 'Patience', 'Gift', 'Comfort', 'Aisha', 'Fatima', 'Zainab', 'Hauwa', 'Amina', 'Chiamaka',
    'Nkechi', 'Ifeoma', 'Uchechi', 'Oluwakemi', 'Yetunde', 'Bukola', 'Temitope', 'Abena', 'Akosua', 'Ama', 'Efua',
    'Adwoa', 'Osas', 'Eki', 'Ivie', 'Osaro', 'Efe', 'Omosede', 'Itohan'),
  surnames: latin('Okafor', 'Okoye', 'Adeyemi', 'Ogunleye', 'Eze', 'Nwosu', 'Obi', 'Okonkwo', 'Adebayo', 'Bello',
    'Ibrahim', 'Abubakar', 'Mohammed', 'Usman', 'Okeke', 'Chukwu', 'Oladipo', 'Balogun', 'Akande', 'Oyelaran',
    'Nwachukwu', 'Onyekachi', 'Ogbonna', 'Uche', 'Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Agyeman',
    'Osagie', 'Igbinedion', 'Osaghae', 'Omoregie', 'Ehigiator', 'Obaseki', 'Idahosa', 'Aigbe', 'Eghosa', 'Edosa'),
};

const VIETNAMESE: TCulture = {
  code: 'vn', script: 'latin', weight: 0.09, surnameFirst: true,
  citizenships: [['VNM', 1]],
  givenMale: latin('Văn Minh', 'Văn Hùng', 'Văn Nam', 'Đức Anh', 'Quang Huy', 'Văn Tuấn', 'Minh Tuấn', 'Văn Long',
    'Hoàng Nam', 'Thanh Tùng', 'Văn Dũng', 'Quốc Bảo', 'Văn Thành', 'Minh Đức', 'Văn Hải', 'Văn Phúc', 'Trọng Nghĩa',
    'Văn Khánh', 'Công Vinh', 'Văn Toàn', 'Hữu Phước', 'Văn Sơn', 'Đình Trọng', 'Văn Lâm', 'Tiến Dũng'),
  givenFemale: latin('Thị Hương', 'Thị Lan', 'Thị Mai', 'Thị Hoa', 'Thị Thu', 'Thị Hằng', 'Thị Ngọc', 'Thị Linh',
    'Thị Trang', 'Thị Nga', 'Thị Huyền', 'Thị Phương', 'Thị Thảo', 'Thị Yến', 'Thị Vân', 'Ngọc Anh', 'Thu Trang',
    'Phương Thảo', 'Thị Hà', 'Thị Loan', 'Thị Hạnh', 'Thị Nhung', 'Thị Oanh', 'Kim Ngân', 'Thị Tuyết'),
  surnames: latin('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
    'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lâm', 'Mai', 'Đoàn', 'Tạ', 'Hà', 'Tô', 'Lương', 'Cao', 'Quách', 'Châu',
    'Triệu', 'Kiều'),
};

const ARABIC: TCulture = {
  code: 'ar', script: 'arabic', weight: 0.2,
  citizenships: [['SYR', 3], ['IRQ', 2], ['EGY', 2], ['MAR', 1.5], ['SDN', 1.5]],
  givenMale: [
    ar('محمد', 'Mohammed', 'Muhammad', 'Mohamed', 'Mohamad', 'Mohammad', 'Muhammed'), ar('أحمد', 'Ahmed', 'Ahmad'),
    ar('علي', 'Ali', 'Aly'), ar('عمر', 'Omar', 'Umar', 'Omer'), ar('يوسف', 'Youssef', 'Yusuf', 'Yousef', 'Youssouf'),
    ar('خالد', 'Khaled', 'Khalid'), ar('حسن', 'Hassan', 'Hasan'), ar('حسين', 'Hussein', 'Hussain', 'Husein', 'Hossein'),
    ar('إبراهيم', 'Ibrahim', 'Ebrahim', 'Ibraheem'), ar('مصطفى', 'Mustafa', 'Moustafa', 'Mostafa'),
    ar('محمود', 'Mahmoud', 'Mahmud', 'Mahmood'), ar('عبدالله', 'Abdullah', 'Abdallah', 'Abdulla'),
    ar('سعيد', 'Said', 'Saeed', 'Saied'), ar('كريم', 'Karim', 'Kareem'), ar('طارق', 'Tariq', 'Tarek', 'Tarik'),
    ar('ياسر', 'Yasser', 'Yasir', 'Yaser'), ar('سامي', 'Sami', 'Samy'), ar('عادل', 'Adel', 'Adil'),
    ar('جمال', 'Jamal', 'Djamel'), ar('رامي', 'Rami', 'Ramy'), ar('وليد', 'Walid', 'Waleed'),
    ar('فيصل', 'Faisal', 'Faysal', 'Feisal'), ar('ناصر', 'Nasser', 'Nasir', 'Naser'), ar('حمزة', 'Hamza', 'Hamzah'),
    ar('زياد', 'Ziad', 'Ziyad'), ar('بلال', 'Bilal', 'Belal'), ar('عماد', 'Imad', 'Emad'), ar('مراد', 'Murad', 'Mourad'),
    ar('سليمان', 'Suleiman', 'Sulaiman', 'Soliman'), ar('إسماعيل', 'Ismail', 'Ismael', 'Esmail'),
    ar('أنس', 'Anas'), ar('ماهر', 'Maher'), ar('باسل', 'Basel', 'Basil'), ar('هشام', 'Hisham', 'Hicham'),
    ar('نبيل', 'Nabil', 'Nabeel'), ar('رشيد', 'Rachid', 'Rashid'), ar('عثمان', 'Othman', 'Osman', 'Usman'),
  ],
  givenFemale: [
    ar('فاطمة', 'Fatima', 'Fatma', 'Fatimah'), ar('عائشة', 'Aisha', 'Aicha', 'Ayesha', 'Aysha'),
    ar('مريم', 'Maryam', 'Mariam', 'Meryem'), ar('زينب', 'Zainab', 'Zaynab', 'Zeinab'),
    ar('خديجة', 'Khadija', 'Khadidja'), ar('نور', 'Nour', 'Noor', 'Nur'), ar('سارة', 'Sara', 'Sarah'),
    ar('ليلى', 'Layla', 'Leila', 'Laila'), ar('أمينة', 'Amina', 'Aminah', 'Ameena'), ar('حنان', 'Hanan'),
    ar('سلمى', 'Salma', 'Selma'), ar('ياسمين', 'Yasmin', 'Yasmine'), ar('رانيا', 'Rania', 'Ranya'),
    ar('هدى', 'Huda', 'Hoda', 'Houda'), ar('منى', 'Mona', 'Muna'), ar('سعاد', 'Souad', 'Suad'),
    ar('نادية', 'Nadia', 'Nadiya'), ar('رشا', 'Rasha'), ar('دينا', 'Dina'), ar('إيمان', 'Iman', 'Eman', 'Imane'),
    ar('أسماء', 'Asma', 'Asmaa'), ar('هبة', 'Heba', 'Hiba'), ar('رحاب', 'Rehab', 'Rihab'), ar('لبنى', 'Lubna', 'Loubna'),
    ar('غادة', 'Ghada'), ar('سمية', 'Sumaya', 'Soumaya'), ar('وفاء', 'Wafaa', 'Wafa'), ar('جميلة', 'Jamila', 'Djamila'),
    ar('نسرين', 'Nesrine', 'Nisreen'), ar('شيماء', 'Shaimaa', 'Chaimae'),
  ],
  surnames: [
    ar('حسن', 'Hassan', 'Hasan'), ar('إبراهيم', 'Ibrahim', 'Ebrahim'), ar('محمود', 'Mahmoud', 'Mahmud'),
    ar('مصطفى', 'Mustafa', 'Moustafa'), ar('علي', 'Ali', 'Aly'), ar('سعيد', 'Said', 'Saeed'),
    ar('يوسف', 'Youssef', 'Yusuf'), ar('ناصر', 'Nasser', 'Nasir'), ar('خليل', 'Khalil', 'Khaleel'),
    ar('صالح', 'Saleh', 'Salih'), ar('حداد', 'Haddad'), ar('عطية', 'Attia', 'Atiyah'), ar('عيسى', 'Issa', 'Eissa'),
    ar('موسى', 'Mousa', 'Musa', 'Moussa'), ar('يونس', 'Younes', 'Yunus', 'Younis'), ar('درويش', 'Darwish', 'Darwich'),
    ar('عثمان', 'Othman', 'Osman'), ar('قاسم', 'Qasim', 'Kassem', 'Kasim'), ar('سالم', 'Salem', 'Salim'),
    ar('شريف', 'Sherif', 'Sharif', 'Cherif'), ar('منصور', 'Mansour', 'Mansur'), ar('حمدان', 'Hamdan'),
    ar('الخطيب', 'Al-Khatib', 'El Khatib', 'Alkhatib'), ar('النجار', 'Al-Najjar', 'Alnajjar', 'El-Naggar'),
    ar('المصري', 'Al-Masri', 'El-Masry', 'Almasri'), ar('البغدادي', 'Al-Baghdadi', 'Albaghdadi'),
    ar('الحلبي', 'Al-Halabi', 'Halabi'), ar('التميمي', 'Al-Tamimi', 'Altamimi', 'Tamimi'),
    ar('الحسيني', 'Al-Husseini', 'El Husseini'), ar('الشامي', 'Al-Shami', 'El Chami'), ar('العمري', 'Al-Omari', 'Alomari'),
    ar('الزعبي', 'Al-Zoubi', 'Alzoubi', 'Zoubi'), ar('الدوري', 'Al-Douri', 'Aldouri'), ar('الجبوري', 'Al-Jubouri', 'Aljuboori'),
    ar('عبد الرحمن', 'Abdel Rahman', 'Abdulrahman', 'Abderrahmane'), ar('عبد العزيز', 'Abdelaziz', 'Abdul Aziz'),
    ar('عبد الكريم', 'Abdelkarim', 'Abdul Karim'), ar('عبد الحميد', 'Abdelhamid', 'Abdul Hamid'),
    ar('عبد اللطيف', 'Abdellatif', 'Abdul Latif'), ar('عبد القادر', 'Abdelkader', 'Abdul Qadir'),
    ar('عبد السلام', 'Abdessalam', 'Abdul Salam'), ar('عبد الوهاب', 'Abdelwahab', 'Abdul Wahab'),
    ar('بن علي', 'Ben Ali', 'Benali'), ar('بن سالم', 'Ben Salem', 'Bensalem'), ar('العلوي', 'El Alaoui', 'Alaoui'),
    ar('الإدريسي', 'El Idrissi', 'Idrissi'), ar('بنيس', 'Bennis'), ar('التازي', 'Tazi', 'El Tazi'),
  ],
};

const CYRILLIC: TCulture = {
  code: 'ru', script: 'cyrillic', weight: 0.2,
  citizenships: [['RUS', 4], ['UKR', 4.5], ['BLR', 1.5]],
  givenMale: [
    cy('Александр', 'Alexander', 'Alexandre'), cy('Сергей', 'Sergey', 'Sergei'), cy('Дмитрий', 'Dmitry', 'Dimitri'),
    cy('Андрей', 'Andrey', 'Andrei'), cy('Алексей', 'Alexey', 'Alexei'), cy('Иван', 'Ivan'), cy('Михаил', 'Mikhail', 'Michail'),
    cy('Николай', 'Nikolai', 'Nikolay'), cy('Владимир', 'Vladimir', 'Wladimir'), cy('Евгений', 'Evgeny', 'Yevgeny'),
    cy('Максим', 'Maxim', 'Maksim'), cy('Павел', 'Pavel'), cy('Артём', 'Artem', 'Artyom'), cy('Олег', 'Oleg'),
    cy('Юрий', 'Yuri', 'Yury'), cy('Виктор', 'Viktor', 'Victor'), cy('Игорь', 'Igor'), cy('Роман', 'Roman'),
    cy('Денис', 'Denis'), cy('Константин', 'Konstantin'), cy('Вадим', 'Vadim'), cy('Руслан', 'Ruslan'),
    cy('Тимур', 'Timur'), cy('Богдан', 'Bogdan'), cy('Тарас', 'Taras'), cy('Василий', 'Vasily', 'Vasiliy'),
    cy('Григорий', 'Grigory'), cy('Фёдор', 'Fedor', 'Fyodor'), cy('Степан', 'Stepan'), cy('Олександр', 'Oleksandr'),
    cy('Микола', 'Mykola'), cy('Віталій', 'Vitalii', 'Vitaliy'), cy('Ярослав', 'Yaroslav', 'Jaroslav'), cy('Святослав', 'Sviatoslav'),
    cy('Анатолий', 'Anatoly'), cy('Валерий', 'Valery', 'Valeriy'), cy('Геннадий', 'Gennady'), cy('Леонид', 'Leonid'),
  ],
  givenFemale: [
    cy('Анна', 'Anna'), cy('Мария', 'Maria', 'Mariya'), cy('Елена', 'Elena', 'Yelena'), cy('Ольга', 'Olga'),
    cy('Наталья', 'Natalia', 'Natalya'), cy('Екатерина', 'Ekaterina', 'Yekaterina'), cy('Татьяна', 'Tatiana', 'Tatyana'),
    cy('Ирина', 'Irina'), cy('Светлана', 'Svetlana'), cy('Юлия', 'Yulia', 'Julia'), cy('Анастасия', 'Anastasia', 'Anastasiya'),
    cy('Оксана', 'Oksana'), cy('Людмила', 'Lyudmila', 'Ludmila'), cy('Галина', 'Galina'), cy('Дарья', 'Daria', 'Darya'),
    cy('Ксения', 'Ksenia', 'Kseniya'), cy('Виктория', 'Viktoria', 'Victoria'), cy('Валентина', 'Valentina'),
    cy('Алёна', 'Alena', 'Alyona'), cy('Полина', 'Polina'), cy('Кристина', 'Kristina'), cy('Вера', 'Vera'),
    cy('Надежда', 'Nadezhda'), cy('Любовь', 'Lyubov'), cy('Маргарита', 'Margarita'), cy('Софья', 'Sofia', 'Sofya'),
    cy('Олена', 'Olena'), cy('Ірина', 'Iryna'), cy('Марина', 'Marina'), cy('Лариса', 'Larisa'), cy('Зоя', 'Zoya'),
    cy('Жанна', 'Zhanna'), cy('Яна', 'Yana'), cy('Евгения', 'Evgenia', 'Yevgenia'), cy('Валерия', 'Valeria'),
  ],
  surnames: [
    'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
    'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
    'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
    'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв',
    'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов',
    'Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Шевчук', 'Поліщук', 'Бойко', 'Мельник',
    'Коваль', 'Лисенко', 'Марченко', 'Руденко', 'Савченко', 'Петренко', 'Жуков', 'Щербаков', 'Хмельницкий', 'Цветков',
  ].map((native) => cy(native)),
};

/** The cultures of the synthetic population (Latin, Arabic and Cyrillic scripts). */
export const CULTURES: readonly TCulture[] = [ENGLISH, SPANISH, ROMANIAN, NIGERIAN, VIETNAMESE, ARABIC, CYRILLIC];

/**
 * Arabic family-name stems for the generated tail: each becomes "ال" + stem in script and
 * "Al-Stem" / "El Stem" / "Alstem" in Latin.
 */
export const ARABIC_TAIL_STEMS: readonly (readonly [string, string])[] = [
  ['سيد', 'Sayed'], ['كبير', 'Kabir'], ['صغير', 'Saghir'], ['حكيم', 'Hakim'], ['نعيم', 'Naim'], ['رفاعي', 'Rifai'],
  ['هاشمي', 'Hashemi'], ['قرشي', 'Qurashi'], ['يمني', 'Yamani'], ['سوري', 'Souri'], ['ليبي', 'Libi'], ['تونسي', 'Tounsi'],
  ['جزائري', 'Jazairi'], ['فاسي', 'Fassi'], ['حمصي', 'Homsi'], ['دمشقي', 'Dimashqi'], ['موصلي', 'Mousli'], ['بصري', 'Basri'],
  ['كردي', 'Kurdi'], ['عراقي', 'Iraqi'], ['نوري', 'Nouri'], ['ظاهر', 'Zaher'], ['صافي', 'Safi'], ['شمري', 'Shammari'],
  ['عنزي', 'Anazi'], ['مطيري', 'Mutairi'], ['دوسري', 'Dosari'], ['قحطاني', 'Qahtani'], ['غامدي', 'Ghamdi'], ['زهراني', 'Zahrani'],
];

/**
 * Syllables for the generated long tail of surnames, per culture: `[roots, endings]`. Cyrillic
 * tails are written in Cyrillic so that every record of them goes through transliteration.
 */
export const SURNAME_TAIL_PARTS: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  en: [['Ash', 'Black', 'Brad', 'Brook', 'Carl', 'Dal', 'Ells', 'Fair', 'Grant', 'Hart', 'Holm', 'Kings', 'Lang', 'Mar',
    'Mill', 'New', 'Pem', 'Ray', 'Ros', 'Stan', 'Thorn', 'Went', 'Whit', 'Wind'], ['ton', 'ley', 'ford', 'wood', 'ham', 'son', 'by', 'worth', 'field', 'more']],
  es: [['Alb', 'Barr', 'Bel', 'Cab', 'Cerv', 'Esc', 'Fig', 'Gal', 'Herr', 'Lor', 'Mend', 'Nav', 'Orel', 'Pal', 'Quint',
    'Salv', 'Tob', 'Urr', 'Valv', 'Zam'], ['ez', 'ero', 'ado', 'ana', 'illa', 'ares', 'ueta', 'ón', 'era', 'ino']],
  ro: [['Andr', 'Bar', 'Cost', 'Drag', 'Flor', 'Gavr', 'Iord', 'Lup', 'Mar', 'Negr', 'Olt', 'Pet', 'Rad', 'Serb',
    'Tud', 'Vlad', 'Zah', 'Cozm', 'Bucur', 'Stoic'], ['escu', 'eanu', 'ache', 'ărescu', 'oiu', 'ilă', 'aru', 'ea', 'u', 'an']],
  ng: [['Ade', 'Olu', 'Oke', 'Chukwu', 'Eze', 'Nwa', 'Ola', 'Ogun', 'Ayo', 'Ife', 'Osa', 'Igbi', 'Ebi', 'Ama', 'Obi',
    'Uzo', 'Kala', 'Ade', 'Fola', 'Babs'], ['kwe', 'yemi', 'nna', 'dele', 'wale', 'gbe', 'ghae', 'moh', 'diegwu', 'femi']],
  vn: [['Khổng', 'Mạc', 'Văn', 'Thái', 'Âu', 'Lục', 'Tăng', 'Giang', 'Ông', 'Hứa'], ['']],
  ru: [['Бел', 'Чер', 'Крас', 'Мал', 'Бог', 'Гор', 'Дуб', 'Лес', 'Зим', 'Осип', 'Гаврил', 'Жар', 'Щук', 'Хруст', 'Цар',
    'Шуст', 'Юр', 'Яр', 'Ёрш', 'Чиж', 'Мельнич', 'Прох', 'Ерем', 'Харит', 'Кириц'], ['ов', 'ев', 'ин', 'енко', 'ук', 'ский', 'ич']],
};
