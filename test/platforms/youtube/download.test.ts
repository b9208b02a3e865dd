/**
 * A YouTube channel's Google Takeout (issue 16, item 1): its public videos and its comments in both text formats.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeoutText } from '../../../src/platforms/youtube/takeout.js';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, dir, inventory } from '../../helpers/downloads.js';
import { format } from '../../../src/platforms/youtube/download.js';
import { readDownloadFiles } from '../../../src/sources/downloads/read-files.js';

describe('owner downloads', () => {
  it("reads a YouTube channel's Google Takeout: public videos, and its comments in both text formats", async () => {
    const base = 'Takeout/YouTube and YouTube Music';
    writeFileSync(
      join(dir, 'takeout.zip'),
      zip([
        {
          name: `${base}/video metadata/videos.csv`,
          data: [
            'Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp',
            'vid1,60000,en,Travel & Events,"Boots, tested",UCnw,Trail boots review,Public,Processed,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00',
            'vid2,60000,en,Travel & Events,,UCnw,Draft cut,Private,Processed,2026-10-20T09:00:00+00:00,',
            'vid3,60000,en,Travel & Events,,UCnw,Autumn trails,Public,Processed,2026-10-25T09:00:00.123456+00:00,2026-10-25T10:00:00.123456+00:00',
          ].join('\r\n'),
        },
        {
          name: `${base}/comments/comments.csv`,
          data: [
            'Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text',
            'UCnw,2026-10-26T08:00:00+00:00,0,c1,p1,vid3,"{""text"":""Thanks for watching, ""},{""text"":""@ann""}"',
            'UCnw,2026-10-27T08:00:00+00:00,0,c2,,other,"{""takeoutSegments"":[{""text"":""Great video!""}]}"',
            'UCnw,2026-10-28T08:00:00+00:00,0,c3,p3,vid1,plain text from an old Takeout',
          ].join('\r\n'),
        },
        { name: `${base}/subscriptions/subscriptions.csv`, data: 'Channel Id,Channel Url,Channel Title\n' },
      ]),
    );
    const p = await audited(inventory('yt', 'https://www.youtube.com/@northwind', 'takeout.zip'));
    expect(p.status).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 2, replies: 3, lastPostAt: '2026-10-28T08:00:00.000Z' });
    expect(p.metrics.sample.note).toMatch(
      /^the owner's YouTube \(Google Takeout\) download \(2 files\): 2 posts and 3 comments of its own \(2 under its own posts\); read Takeout\/YouTube and YouTube Music\/video metadata\/videos\.csv and Takeout\/YouTube and YouTube Music\/comments\/comments\.csv; 1 private or unlisted video not counted, 2026-10-02 to 2026-10-28$/,
    );
    expect(takeoutText('{"text":"a"},{"text":"\\n"},{"text":"b"}')).toBe('a\nb');
    expect(takeoutText('{"takeoutSegments":[{"text":"old"}]}')).toBe('old');
    expect(takeoutText('{not json')).toBe('{not json');
  });

  describe('Takeouts in other languages and eras (issue 33; research33/LAYOUTS.md §4)', () => {
    const read = async (name: string, entries: { name: string; data: string }[]) => {
      writeFileSync(join(dir, name), zip(entries));
      return readDownloadFiles(format, join(dir, name), false);
    };
    const EN_VIDEOS =
      'Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp';

    it('reads a Spanish Takeout: its folders, headers and "Oculto" (unlisted) left out and counted', async () => {
      const base = 'Takeout/YouTube y YouTube Music';
      const { posts, note } = await read('yt-es.zip', [
        {
          name: `${base}/metadatos del vídeo/vídeos.csv`,
          data: [
            'ID de vídeo,Duración aproximada (ms),Categoría del vídeo,ID de canal,Título del vídeo (original),Privacidad,Estado del vídeo,Marca de tiempo de creación del vídeo,Marca de tiempo de publicación del vídeo',
            'es1,60000,Viajes,UCnw,Rutas de otoño,Público,Procesado,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00',
            'es2,60000,Viajes,UCnw,Borrador,Oculto,Procesado,2026-10-03T09:00:00+00:00,',
          ].join('\n'),
        },
        {
          name: `${base}/comentarios/comentarios.csv`,
          data: [
            'ID de comentario,ID de canal,Marca de tiempo de creación del comentario,Precio,ID de comentario principal,ID de vídeo,Texto del comentario,ID de comentario de nivel superior',
            'c1,UCnw,2026-10-04T08:00:00+00:00,0,,es1,"{""text"":""¡Gracias!""}",',
          ].join('\n'),
        },
        { name: `${base}/suscripciones/suscripciones.csv`, data: 'ID del canal,URL del canal,Título del canal\n' },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt, p.kind])).toEqual([
        ['Rutas de otoño', '2026-10-02T09:00:00.000Z', 'original'],
        ['¡Gracias!', '2026-10-04T08:00:00.000Z', 'thread'],
      ]);
      expect(posts[1]).toMatchObject({ onOwnPost: true });
      expect(note).toMatch(
        /\(2 files\): 1 post and 0 comments of its own; .*; 1 private or unlisted video not counted$/,
      );
    });

    it('reads a Dutch Takeout: reacties.csv and video_s.csv, with Dutch headers', async () => {
      const base = 'Takeout/YouTube en YouTube Music';
      const { posts } = await read('yt-nl.zip', [
        {
          name: `${base}/videometadata/video_s.csv`,
          data: [
            'Video-ID,Geschatte duur (ms),Audiotaal van video,Videocategorie,Videobeschrijving (origineel),Kanaal-ID,Videotitel (origineel),Privacy,Videostatus,Tijdstempel aanmaaktijd video,Tijdstempel publicatietijd video',
            'nl1,60000,nl,Reizen,,UCnw,Herfstroutes,Openbaar,Verwerkt,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00',
            'nl2,60000,nl,Reizen,,UCnw,Concept,Privé,Verwerkt,2026-10-03T09:00:00+00:00,',
          ].join('\n'),
        },
        {
          name: `${base}/reacties/reacties.csv`,
          data: 'Reactie-ID,Kanaal-ID,Aanmaaktijdstempel reactie,Prijs,Video-ID,Reactietekst\nr1,UCnw,2026-10-05T08:00:00+00:00,0,nl1,"{""text"":""Dank je""}"\n',
        },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt])).toEqual([
        ['Herfstroutes', '2026-10-02T09:00:00.000Z'],
        ['Dank je', '2026-10-05T08:00:00.000Z'],
      ]);
    });

    it('reads the comments of an older English Takeout (Comment ID first) and the German folders', async () => {
      const base = 'Takeout/YouTube und YouTube Music';
      const { posts } = await read('yt-de.zip', [
        {
          name: `${base}/Video-Metadaten/Videos.csv`,
          data: `${EN_VIDEOS}\nde1,60000,de,Reisen,,UCnw,Herbstwege,Public,Processed,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00\n`,
        },
        {
          name: `${base}/Kommentare/Kommentare.csv`,
          data: 'Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\nk1,UCnw,2026-10-06T08:00:00+00:00,0,,de1,"{""takeoutSegments"":[{""text"":""Danke""}]}"\n',
        },
      ]);
      expect(posts.map((p) => [p.text, p.url])).toEqual([
        ['Herbstwege', 'https://www.youtube.com/watch?v=de1'],
        ['Danke', 'https://www.youtube.com/watch?v=de1&lc=k1'],
      ]);
    });

    // ids in Takeout's shapes (invented): 11-character video ids, 24-character channel ids, Ug… comment ids
    const V = ['Ab3dE5gH9jK', 'Zy8xW7vU6tS', 'Mn_0pQ-1rSt', 'Qq2Ww3Ee4Rr'];
    const UC = 'UCa1B2c3D4e5F6g7H8i9J0kL';
    const C = ['UgzAb3dE5gH9jKlMnOpQr4AaABAg', 'UgxZy8xW7vU6tSrQpOnM9AaABAg', 'UgyMn0pQ1rStUvWxYz2AbC4AaABAg'];

    it('reads a Portuguese Takeout (folders and headers as a current one writes them); its live chats are not comments', async () => {
      const base = 'Takeout/YouTube e YouTube Music';
      const { posts, note } = await read('yt-pt.zip', [
        {
          name: `${base}/metadados do vídeo/vídeos.csv`,
          data: [
            'ID do vídeo,Título do vídeo (original),Descrição do vídeo (original),Categoria do vídeo,Privacidade,Estado do vídeo,Carimbo de data/hora de criação do vídeo,Carimbo de data/hora de publicação do vídeo',
            `${V[0]},Trilhas de outono,"Botas, testadas",Viagens,Público,Processado,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00`,
            `${V[1]},Rascunho,,Viagens,Privado,Processado,2026-10-03T09:00:00+00:00,`,
            `${V[2]},Só com link,,Viagens,Não listado,Processado,2026-10-04T09:00:00+00:00,2026-10-04T10:00:00+00:00`,
          ].join('\n'),
        },
        {
          name: `${base}/comentários/comentários.csv`,
          data: [
            'ID do comentário,ID do canal,Carimbo de data/hora em que o comentário foi criado,Preço,ID do comentário principal,ID da postagem,ID do vídeo,Texto do comentário,ID do comentário de nível superior',
            `${C[0]},${UC},2026-10-05T08:00:00.123456+00:00,0,,,${V[0]},"{""text"":""Obrigado!""}",`,
            `${C[1]},${UC},2026-10-06T08:00:00.5+00:00,0,${C[2]},,${V[3]},"{""text"":""Boa ""},{""text"":""pergunta""}",${C[2]}`,
          ].join('\n'),
        },
        {
          name: `${base}/chats ao vivo/chats ao vivo.csv`,
          data: [
            'ID do chat ao vivo,ID do canal,Marcação de tempo da criação do chat ao vivo,Preço,Primeiro ID do chat ao vivo,ID do vídeo,Texto do chat ao vivo',
            `Ch1,${UC},2026-10-07T08:00:00+00:00,0,,${V[3]},"{""text"":""oi chat""}"`,
          ].join('\n'),
        },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt, p.url])).toEqual([
        ['Trilhas de outono', '2026-10-02T09:00:00.000Z', `https://www.youtube.com/watch?v=${V[0]}`],
        ['Obrigado!', '2026-10-05T08:00:00.123Z', `https://www.youtube.com/watch?v=${V[0]}&lc=${C[0]}`],
        ['Boa pergunta', '2026-10-06T08:00:00.500Z', `https://www.youtube.com/watch?v=${V[3]}&lc=${C[1]}`],
      ]);
      expect(posts[1]).toMatchObject({ onOwnPost: true });
      expect(posts[2]).toMatchObject({ onOwnPost: false, answersSomeone: true });
      expect(note).toMatch(/\(2 files\): .*; 2 private or unlisted videos not counted/);
      expect(note).not.toMatch(/chats ao vivo/);
    });

    it('reads a German Takeout: its folders and German headers, "Öffentlich" public, "Privat" and "Nicht gelistet" not', async () => {
      const base = 'Takeout/YouTube und YouTube Music';
      const { posts, note } = await read('yt-de2.zip', [
        {
          name: `${base}/Video-Metadaten/Videos.csv`,
          data: [
            'Video-ID,Ungefähre Dauer (ms),Audiosprache des Videos,Videokategorie,Videobeschreibung (Original),Kanal-ID,Videotitel (Original),Datenschutz,Videostatus,Zeitstempel bei Videoerstellung,Zeitstempel bei Videoveröffentlichung',
            `${V[0]},60000,de,Reisen,"Stiefel, getestet",${UC},Herbstwege,Öffentlich,Verarbeitet,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00`,
            `${V[1]},60000,de,Reisen,,${UC},Entwurf,Privat,Verarbeitet,2026-10-03T09:00:00+00:00,`,
            `${V[2]},60000,de,Reisen,,${UC},Nur mit Link,Nicht gelistet,Verarbeitet,2026-10-04T09:00:00+00:00,2026-10-04T10:00:00+00:00`,
          ].join('\n'),
        },
        {
          name: `${base}/Kommentare/Kommentare.csv`,
          data: [
            'Kommentar-ID,Kanal-ID,Zeitstempel der Erstellung des Kommentars,Preis,Übergeordnete Kommentar-ID,Video-ID,Kommentartext',
            `${C[0]},${UC},2026-10-05T08:00:00+00:00,0,,${V[0]},"{""takeoutSegments"":[{""text"":""Danke!""}]}"`,
          ].join('\n'),
        },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt])).toEqual([
        ['Herbstwege', '2026-10-02T09:00:00.000Z'],
        ['Danke!', '2026-10-05T08:00:00.000Z'],
      ]);
      expect(note).toMatch(/; 2 private or unlisted videos not counted/);
    });

    it('reads a French Takeout whose headers are not known, by the shape of its values', async () => {
      const base = 'Takeout/YouTube et YouTube Music';
      const { posts, note } = await read('yt-fr.zip', [
        {
          name: `${base}/métadonnées des vidéos/vidéos.csv`,
          data: [
            'ID de la vidéo,Durée approximative (ms),Langue audio de la vidéo,Catégorie de la vidéo,Description de la vidéo (originale),ID de la chaîne,Titre de la vidéo (original),Confidentialité,État de la vidéo,Horodatage de création de la vidéo,Horodatage de publication de la vidéo',
            `${V[0]},60000,fr,Voyages,"Chaussures testées sur trois sentiers, avec des conseils",${UC},Sentiers d'automne,Public,Traitée,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00`,
            `${V[1]},60000,fr,Voyages,,${UC},Brouillon,Privée,Traitée,2026-10-03T09:00:00+00:00,`,
            `${V[2]},60000,fr,Voyages,Les réglages,${UC},Réparer une fermeture,Public,Traitée,2026-10-04T09:00:00+00:00,2026-10-04T10:00:00+00:00`,
          ].join('\n'),
        },
        {
          name: `${base}/commentaires/commentaires.csv`,
          data: [
            'ID de la chaîne,Horodatage de création du commentaire,Prix,ID du commentaire,ID du commentaire parent,ID de la vidéo,Texte du commentaire',
            `${UC},2026-10-05T08:00:00+00:00,0,${C[0]},,${V[2]},"{""text"":""Merci !""}"`,
            `${UC},2026-10-06T08:00:00+00:00,0,${C[1]},${C[2]},${V[3]},"{""text"":""Bonne question""}"`,
          ].join('\n'),
        },
        {
          name: `${base}/abonnements/abonnements.csv`,
          data: `ID de la chaîne,URL de la chaîne,Titre de la chaîne\n${UC},https://x,X\n`,
        },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt, p.url])).toEqual([
        ["Sentiers d'automne", '2026-10-02T09:00:00.000Z', `https://www.youtube.com/watch?v=${V[0]}`],
        ['Réparer une fermeture', '2026-10-04T10:00:00.000Z', `https://www.youtube.com/watch?v=${V[2]}`],
        ['Merci !', '2026-10-05T08:00:00.000Z', `https://www.youtube.com/watch?v=${V[2]}&lc=${C[0]}`],
        ['Bonne question', '2026-10-06T08:00:00.000Z', `https://www.youtube.com/watch?v=${V[3]}&lc=${C[1]}`],
      ]);
      expect(posts[2]).toMatchObject({ onOwnPost: true });
      expect(posts[3]).toMatchObject({ answersSomeone: true });
      expect(note).toMatch(
        /\(2 files\): 2 posts and 1 comment of its own; 1 comment under its own posts .*; 1 private or unlisted video not counted$/,
      );
    });

    it('reads an Italian Takeout by shape; a privacy word it does not know leaves the video out, counted, never as public', async () => {
      const base = 'Takeout/YouTube e YouTube Music';
      const { posts, note } = await read('yt-it2.zip', [
        {
          name: `${base}/metadati video/video.csv`,
          data: [
            'ID video,Durata approssimativa (ms),Lingua audio del video,Categoria video,Descrizione video (originale),ID canale,Titolo video (originale),Visibilità,Stato video,Timestamp creazione video,Timestamp pubblicazione video',
            `${V[0]},60000,it,Viaggi,,${UC},Sentieri d'autunno,Pubblico,Elaborato,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00`,
            `${V[1]},60000,it,Viaggi,,${UC},Solo con link,Non in elenco,Elaborato,2026-10-03T09:00:00+00:00,2026-10-03T10:00:00+00:00`,
            `${V[2]},60000,it,Viaggi,,${UC},In arrivo,Programmato,Elaborato,2026-10-04T09:00:00+00:00,`,
          ].join('\n'),
        },
        {
          name: `${base}/commenti/commenti.csv`,
          data: [
            'ID commento,ID canale,Timestamp creazione commento,Prezzo,ID commento principale,ID video,Testo commento',
            `${C[0]},${UC},2026-10-05T08:00:00+00:00,0,,${V[0]},"{""text"":""Grazie""}"`,
          ].join('\n'),
        },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt])).toEqual([
        ["Sentieri d'autunno", '2026-10-02T09:00:00.000Z'],
        ['Grazie', '2026-10-05T08:00:00.000Z'],
      ]);
      expect(note).toMatch(/; 1 private or unlisted video not counted; 1 video of unknown visibility left out/);
    });

    it('never takes a video for public when neither its header nor its privacy word is known, even in a file named videos', async () => {
      const { posts, note } = await read('yt-xx.zip', [
        {
          name: 'Takeout/YouTube et YouTube Music/vidéos/vidéos.csv',
          data: [
            'ID,Titre,Visibilité,Créée',
            `${V[0]},Sentiers,Réservée,2026-10-01T09:00:00+00:00`,
            `${V[1]},Brouillon,,2026-10-02T09:00:00+00:00`,
          ].join('\n'),
        },
      ]);
      expect(posts).toEqual([]);
      expect(note).toMatch(/; 2 videos of unknown visibility left out$/);
    });

    it('finds a CSV of a language not known by its header, under any YouTube… folder; other CSVs are not counted', async () => {
      const base = 'Takeout/YouTube e YouTube Music';
      const { posts, note } = await read('yt-it.zip', [
        {
          name: `${base}/metadati video/elenco.csv`,
          data: `${EN_VIDEOS}\nit1,60000,it,Viaggi,,UCnw,Sentieri,Pubblico,Processed,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00\n`,
        },
        { name: `${base}/iscrizioni/iscrizioni.csv`, data: 'Channel Id,Channel Url,Channel Title\nUCx,https://x,X\n' },
      ]);
      expect(posts.map((p) => p.text)).toEqual(['Sentieri']);
      expect(note).toMatch(/\(1 file\): 1 post and 0 comments/);
      await expect(
        read('yt-none.zip', [
          { name: `${base}/iscrizioni/iscrizioni.csv`, data: 'Channel Id,Channel Url,Channel Title\n' },
        ]),
      ).rejects.toThrow(/no YouTube videos or comments in the download/);
    });
  });
});
